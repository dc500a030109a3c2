package org.medkg.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spellings of one name in the corpus's three languages meet in one key; different names do not. */
class TransliterationTest {

    @ParameterizedTest
    @CsvSource({
            "Клодзинский, Klodzinsky",
            "Махамадалиева, Makhamadalieva",
            "Баландинская, Balandinskaya",
            "Чейшвили, Cheyshvili",
            "Механцева, Mekhantseva",
            "Рамазанова, Ramazanova",
            "Байков, Baykov",
            "Жусупова, Zhusupova",
            "Гүлчехра, Gulchekhra"})
    void sameNameSameKey(String cyrillic, String latin) {
        assertEquals(Transliteration.key(cyrillic), Transliteration.key(latin));
    }

    /**
     * Central Asian names as the Russian, English and Kazakh (Cyrillic and 2018 Latin) pages of other sites spell
     * them (../shared/corpus/external2 and its gold): every spelling gives one key.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Ахунбаев | Akhunbayev | Akhunbaev
            Цой | Tsoi | Tsoy
            Чынгышпаев | Chyngyshpayev | Chyngyshpaev
            Байжунусов | Baizhunusov | Bayzhunusov
            Көшербаев | Кошербаев | Kósherbaev
            Тілеумбетов | Тилеумбетов | Tileumbetov
            Әлішева | Алишева | Alisheva
            Қошанов | Кошанов | Qoshanov
            Жукубаева | Zhukubaeva | Jukubaeva
            Хамидолла | Khamidolla | Hamidolla
            Юрий | Yuriy | Yury
            Шахин | Şahin | Shakhin
            Якаб | Iаkab | Iakab
            Ereminienė | Ereminiene | Эреминиене
            Цой | Tsoı | Tsoi
            """)
    void centralAsianSpellingsMeet(String one, String two, String three) {
        assertEquals(Transliteration.key(one), Transliteration.key(two), two);
        assertEquals(Transliteration.key(one), Transliteration.key(three), three);
    }

    @ParameterizedTest
    @CsvSource({"Sharashenidze, Seskuria", "Пивоварова, Пивоваров", "Ахметов, Ахмедов", "Жакупов, Якупов",
            "Искакова, Исакова", "Каратаев, Карасаев"})
    void differentNamesDifferentKeys(String a, String b) {
        assertNotEquals(Transliteration.key(a), Transliteration.key(b));
    }

    /** A page's IRI segment reads as its folder is spelled: no letter folded, no doubled letter or digit dropped. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2022-11-16-master-class-in-north-kazakhstan-item | 2022-11-16-master-class-in-north-kazakhstan-item
            Министр посетил Центр | ministr-posetil-tsentr
            """)
    void slugsKeepTheSpelling(String text, String slug) {
        assertEquals(slug, Transliteration.slug(text));
    }
}
