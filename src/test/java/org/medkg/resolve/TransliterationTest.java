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

    @ParameterizedTest
    @CsvSource({"Sharashenidze, Seskuria", "Пивоварова, Пивоваров"})
    void differentNamesDifferentKeys(String a, String b) {
        assertNotEquals(Transliteration.key(a), Transliteration.key(b));
    }
}
