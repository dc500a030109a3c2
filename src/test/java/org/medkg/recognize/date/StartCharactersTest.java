package org.medkg.recognize.date;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The date rules are tried only at the words whose first letter may begin them: on sentences of the corpus, every
 * rule that matches at a word start must be among the rules kept for its first letter, and rules that begin with a
 * number or a name must be left out where a word begins otherwise.
 */
class StartCharactersTest {

    private final DateGrammar grammar = DateGrammar.standard();

    @ParameterizedTest
    @ValueSource(strings = {
        "С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа по обмену опытом",
        "В рамках прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции",
        "2024 жылғы 22–24 мамыр аралығында Гематология орталығында тәжірибе алмасу бағдарламасы өтті",
        "The program took place on May 22–24, 2024, at the Hematology Center",
        "Вчера в Караганде завершилась программа; в прошлую пятницу, 12 мая, прошел семинар",
        "биылғы 20 мамырда, 2018 jyly, Ortalyqta"})
    void everyRuleThatMatchesAtAWordIsKeptForItsFirstLetter(String sentence) {
        Matcher start = DateGrammar.wordStart().matcher(sentence);
        int matched = 0;
        while (start.find()) {
            int at = start.start();
            List<Integer> kept = Arrays.stream(grammar.rulesStartingWith(sentence.charAt(at))).boxed().toList();
            for (int i = 0; i < grammar.rules().size(); i++) {
                Matcher rule = grammar.rules().get(i).pattern().matcher(sentence)
                        .useTransparentBounds(true).useAnchoringBounds(false).region(at, sentence.length());
                if (rule.lookingAt()) {
                    matched++;
                    assertTrue(kept.contains(i), grammar.rules().get(i).name() + " matches at «"
                            + sentence.substring(at) + "» but is not kept for its first letter");
                }
            }
        }
        assertTrue(matched > 0, "no rule matched in: " + sentence);
    }

    @Test
    void rulesThatBeginWithANumberOrANameAreLeftOutElsewhere() {
        List<String> atDigit = names(grammar.rulesStartingWith('2'));
        List<String> atPercent = names(grammar.rulesStartingWith('%'));
        List<String> atLetter = names(grammar.rulesStartingWith('ц'));
        assertTrue(atDigit.contains("NUMERIC_DATE") && atDigit.contains("YEAR_RU"), atDigit.toString());
        assertFalse(atDigit.contains("RELATIVE_DAY"), atDigit.toString());
        assertTrue(atPercent.isEmpty(), atPercent.toString());
        assertFalse(atLetter.contains("NUMERIC_DATE") || atLetter.contains("DAY_MONTH"), atLetter.toString());
        assertTrue(grammar.anchorMayStartWith('1') && grammar.anchorMayStartWith('м'));
        assertFalse(grammar.anchorMayStartWith('ц'));
    }

    private List<String> names(int[] rules) {
        return Arrays.stream(rules).mapToObj(i -> grammar.rules().get(i).name()).toList();
    }
}
