package org.medkg.lang.kk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words of the Kazakh page in Latin letters (../shared/corpus/external2/kk-egemen-lat-…), read in Cyrillic. */
class KazakhLatinTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Densaýlyq, денсаулық",
            "Qazaqstannyń, қазақстанның",
            "basshysy, басшысы",
            "mınıstri, министрі",
            "akademık, академик",
            "jáne, және",
            "Sharmanovty, шармановты",
            "ortalyǵynyń, орталығының"})
    void readsLatinKazakhInCyrillic(String latin, String cyrillic) {
        assertEquals(cyrillic, KazakhLatin.toCyrillic(latin));
    }

    @Test
    void findsTheLatinBeginningOfACyrillicStem() {
        assertEquals("Sharmanov", KazakhLatin.latinPrefixFor("Sharmanovty", "Шарманов"));
        assertEquals(null, KazakhLatin.latinPrefixFor("Sharmanovty", "Шарманова"));
    }

    @Test
    void knowsItsOwnLetters() {
        assertTrue(KazakhLatin.hasOwnLetter("Konferensııaǵa"));
        assertFalse(KazakhLatin.hasOwnLetter("conference"));
        assertFalse(KazakhLatin.hasOwnLetter("Širvinskas"));
    }
}
