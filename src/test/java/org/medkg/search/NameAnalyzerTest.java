package org.medkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spellings of names as the hemcenter articles write them (ru, kk, en), inflected as in their sentences, each
 * read as the one term of its nominative; and names of different people that must stay apart.
 */
class NameAnalyzerTest {

    private final Analyzer analyzer = new NameAnalyzer();

    static Stream<Arguments> spellingsOfOneName() {
        return Stream.of(
                // "…медицинским директором … Антоном Анатольевичем Клодзинским." (ru)
                // "…Ирина Пивоварова мен Антон Клодзинскиймен … талқыланды." (kk)
                arguments("klodzinsk", List.of("Клодзинский", "Klodzinsky", "КЛОДЗИНСКИЙ", "клодзинский",
                        "Клодзинского", "Клодзинским", "Клодзинскиймен", "Klodzinskiy", "Klodzinskii")),
                // "Также интервью Пивоваровой И." (ru); "Пивоварованың сұхбатын" (kk)
                arguments("pivovarov", List.of("Пивоварова", "Pivovarova", "Пивоваровой", "Пивоварованың")),
                // "…гематологы Вадим Кемайкиннің жетекшілігімен…" (kk)
                arguments("kemaikin", List.of("Кемайкин", "Kemaikin", "Kemaykin", "Кемайкиннің", "Кемайкина")),
                // "Енді Қарағандыда да амбулаториялық қабылдау жүргізілуде." (kk)
                arguments("karagand", List.of("Караганда", "Karaganda", "Қарағанды", "Қарағандыда", "Қарағандыдағы")),
                // "Гематология орталығының қызметкерлері…" (kk)
                arguments("ortalig", List.of("орталығы", "орталығының", "орталығында", "орталығына")),
                arguments("fomin", List.of("Фоминых", "Fominykh")),
                arguments("iukubaev", List.of("Жукубаева", "Жұқубаева")),
                arguments("ceisvil", List.of("Чейшвили", "Cheyshvili")),
                arguments("akovenk", List.of("Яковенко", "Yakovenko")),
                arguments("mahamadalev", List.of("Махамадалиева", "Makhamadalieva")),
                arguments("anatolevic", List.of("Анатольевич", "Anatolyevich")),
                // "…Антоном Анатольевичем…": the dictionary lemma finds the fleeting vowel of Павел as well
                arguments("anton", List.of("Антон", "Anton", "Антоном")),
                arguments("pavel", List.of("Павел", "Павла", "Pavel")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellingsOfOneName")
    void everySpellingReadsAsTheNominative(String term, List<String> spellings) {
        for (String spelling : spellings) {
            List<Set<String>> words = readings(spelling);
            assertEquals(1, words.size(), spelling + " → " + words);
            assertTrue(words.get(0).contains(term), spelling + " → " + words + ", expected " + term);
        }
    }

    @Test
    void aFullNameGivesOneTermPerWordInEveryScript() {
        assertEquals(List.of(Set.of("klodzinsk"), Set.of("anton"), Set.of("anatolevic")),
                readings("Klodzinsky Anton Anatolyevich"));
        List<Set<String>> russian = readings("Клодзинский Антон Анатольевич");
        assertEquals(3, russian.size(), russian.toString());
        assertTrue(russian.get(2).contains("anatolevic"), russian.toString());
        assertEquals(List.of(Set.of("babenk"), Set.of("e-v")), readings("Бабенко Е.В."));
        assertEquals(readings("Babenko E.V."), readings("Бабенко Е.В."));
    }

    static Stream<Arguments> differentPeople() {
        // Surnames and given names of different people in the hemcenter articles that look alike.
        return Stream.of(
                arguments("Жукубаева", "Жубантурлиева"),
                arguments("Вавилова", "Волобуева"),
                arguments("Махамадалиева", "Механцева"),
                arguments("Чефранова", "Чейшвили"),
                arguments("Зинченко", "Савченко"),
                arguments("Сатаева", "Саин"),
                arguments("Алина", "Алия"),
                arguments("Кемайкин", "Байков"),
                arguments("Klodzinsky", "Kemaykin"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("differentPeople")
    void differentNamesShareNoTerm(String one, String other) {
        Set<String> shared = new LinkedHashSet<>(readings(one).get(0));
        shared.retainAll(readings(other).get(0));
        assertEquals(Set.of(), shared, one + " and " + other);
    }

    @Test
    void punctuationAloneGivesNoTerm() {
        assertEquals(List.of(), readings(" — «» , "));
    }

    /** The terms at each position: usually one, more when a word has several readings. */
    private List<Set<String>> readings(String text) {
        List<Set<String>> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("name", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (position.getPositionIncrement() > 0) {
                    words.add(new LinkedHashSet<>());
                }
                words.get(words.size() - 1).add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.stream().map(Collections::unmodifiableSet).toList();
    }
}
