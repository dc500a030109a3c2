package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medkg.gazetteer.BuiltGazetteer;
import org.medkg.lang.Language;

/**
 * Places of a gazetteer built from ../shared/geonames (skipped when absent), beside the built-in one: found in the
 * cases sentences put them, and not found where the name is a word or a surname. Each expected mention is
 * placeId=surface, in order.
 */
class PlaceRecognizerBuiltGazetteerTest {

    private static PlaceRecognizer recognizer;

    @BeforeAll
    static void build() {
        recognizer = PlaceRecognizer.create(BuiltGazetteer.withBuiltIn());
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                row(Language.RU, "Конференция прошла в Воронеже при участии гостей из Харькова и Одессы.",
                        "voronezh=Воронеже", "kharkiv=Харькова", "odessa=Одессы"),
                row(Language.RU, "Воронежский государственный медицинский университет им. Н.Н. Бурденко",
                        "voronezh=Воронежский"),
                row(Language.RU, "Мурманск, Архангельск и Петрозаводск провели общую школу.",
                        "murmansk=Мурманск", "arkhangelsk=Архангельск", "petrozavodsk=Петрозаводск"),
                row(Language.KK, "Нукус қаласында өткен конференцияға Өзбекстанның дәрігерлері қатысты.",
                        "nukus=Нукус", "uzbekistan=Өзбекстанның"),
                row(Language.EN, "Doctors from Nukus, Kharkov and Voronezh attended.",
                        "nukus=Nukus", "kharkiv=Kharkov", "voronezh=Voronezh"),
                // the built-in entries stay what they were
                row(Language.RU, "Школа прошла в Смоленске, гости прибыли из Ростова-на-Дону.",
                        "smolensk=Смоленске", "rostov-on-don=Ростова-на-Дону"),
                // names that are words or surnames
                row(Language.RU, "Находка оказалась важной для диагностики."),
                row(Language.RU, "С докладом выступил профессор Ковров, его поддержал Тамбов."),
                row(Language.RU, "Мирный атом служит медицине."),
                row(Language.RU, "Кыргызско-Российский Славянский университет им. Б.Н. Ельцина"),
                row(Language.RU, "Врачи работают в Кировском районе."),
                row(Language.RU, "Летом школа переехала в Находку, а осенью в Ковров.",
                        "nakhodka=Находку", "kovrov=Ковров"));
    }

    private static Arguments row(Language language, String sentence, String... expected) {
        return Arguments.of(language, sentence, List.of(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("sentences")
    void findsTheBuiltPlacesAndKeepsTheCautions(Language language, String sentence, List<String> expected) {
        List<String> found = new ArrayList<>();
        recognizer.recognize(sentence, language, m -> found.add(m.field(PlaceRecognizer.PLACE_ID) + "=" + m.surface()));
        assertEquals(expected, found);
    }
}
