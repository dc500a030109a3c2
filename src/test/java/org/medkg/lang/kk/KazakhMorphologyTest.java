package org.medkg.lang.kk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KazakhMorphologyTest {

    private final KazakhMorphology morphology = KazakhMorphology.get();

    // Words as they stand in ../shared/corpus (kk versions and seed 002), with the stem a reader sees.
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Қарағандыда, Қарағанды",
            "Қарағандыға, Қарағанды",
            "Қарағандыдан, Қарағанды",
            "Қарағандыдағы, Қарағанды",
            "Қазақстанның, Қазақстан",
            "Қазақстанға, Қазақстан",
            "Қазақстандағы, Қазақстан",
            "Астанада, Астана",
            "Астанадағы, Астана",
            "Алматыда, Алматы",
            "Өскеменде, Өскемен",
            "Өскеменге, Өскемен",
            "Балқашта, Балқаш",
            "Петропавлда, Петропавл",
            "Ресейдің, Ресей",
            "Мәскеудің, Мәскеу",
            "Санкт-Петербургтегі, Санкт-Петербург",
            "Рамазанованың, Рамазанова",
            "Пивоварованың, Пивоварова",
            "университетінің, университет",
            "Республикасындағы, Республика",
            "Львова-ның, Львова",
            "дәрігерлердің, дәрігер",
    })
    void findsTheStemOfAnInflectedNoun(String word, String stem) {
        List<String> stems = morphology.stems(word);
        assertEquals(word, stems.get(0), "the word itself comes first");
        assertTrue(stems.contains(stem), () -> word + " gave " + stems);
    }

    @Test
    void stemsAreLongestFirst() {
        List<String> stems = morphology.stems("университетінің");
        for (int i = 1; i < stems.size(); i++) {
            assertTrue(stems.get(i - 1).length() >= stems.get(i).length(), stems.toString());
        }
        assertTrue(stems.indexOf("университеті") < stems.indexOf("университет"));
    }

    @Test
    void keepsVowelHarmony() {
        // -да is a back suffix: Өскемен (front) + -да is not Kazakh, so it is not taken as Өскемен
        assertFalse(morphology.stems("Өскеменда").contains("Өскемен"));
        // -ге is a front suffix and Қарағанды is back
        assertFalse(morphology.stems("Қарағандыге").contains("Қарағанды"));
    }

    @Test
    void leavesShortWordsAlone() {
        assertEquals(List.of("Ана"), morphology.stems("Ана"));
        assertEquals(List.of("РК"), morphology.stems("РК"));
    }
}
