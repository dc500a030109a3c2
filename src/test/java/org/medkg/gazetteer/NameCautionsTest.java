package org.medkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.ru.RussianMorphology;

/** The markers `gazetteer build` gives city names of GeoNames, each with the reason in the table. */
class NameCautionsTest {

    private static final NameCautions CAUTIONS = new NameCautions(RussianMorphology.get(), NameLexicon.get());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Смоленск, NONE",              // a city and nothing else
            "Мурманск, NONE",              // Мурманском is also its own adjective's form: no other word
            "Нижний Тагил, NONE",          // several words
            "Киров, PERSON_NAME",          // a surname in the dictionary
            "Владимир, PERSON_NAME",       // a given name
            "Ален, PERSON_NAME",           // its genitive Алена is the given name Алёна
            "Бор, PERSON_NAME",            // three letters (Ири, what Kazakh suffix rules leave of Ирина): a cue is needed
            "Белый, COMMON_WORD",          // an adjective
            "Орёл, COMMON_WORD",           // a bird
            "Луга, COMMON_WORD",           // луга, the meadows
            "Трой, COMMON_WORD",           // its prepositional Трое is a numeral
            "Мост, COMMON_WORD",           // among LanguageTool's common Russian words
            "Находка, COMMON_WORD",        // listed in name-cautions.txt
            "Mobile, PERSON_NAME"})        // listed: English titles capitalize it
    void marksNamesThatAreAlsoWordsOrNames(String name, Caution expected) {
        assertEquals(expected, CAUTIONS.of(name));
    }
}
