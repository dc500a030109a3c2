package org.medkg.lang.ru;

import java.util.ArrayList;
import java.util.List;
import org.medkg.text.DataLines;

/**
 * Rules that give the nominative of a name the dictionary does not know, from its ending, gender and case: surnames
 * ({@code surname-endings.tsv}: Абдыразаковой → Абдыразакова) and given names of the region that Russian text
 * declines like nouns ({@code given-name-endings.tsv}: Нурислама → Нурислам, Гульмиры → Гульмира).
 */
final class NameEndings {

    static final NameEndings SURNAMES = new NameEndings("surname-endings.tsv");
    static final NameEndings GIVEN_NAMES = new NameEndings("given-name-endings.tsv");

    private record Rule(String gender, String grammaticalCase, String stemEnd, String ending, String nominative) {
    }

    private final List<Rule> rules;

    private NameEndings(String file) {
        rules = DataLines.rows(NameEndings.class, file).stream()
                .map(f -> new Rule(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "")).toList();
    }

    /** The nominative by the first rule that fits, or the word itself when none does. */
    String nominative(String name, String gender, String grammaticalCase) {
        List<String> all = candidates(name, gender, grammaticalCase);
        return all.isEmpty() ? name : all.get(0);
    }

    /** The nominatives of every rule that fits, in the order of the rules. */
    List<String> candidates(String name, String gender, String grammaticalCase) {
        String lower = name.toLowerCase();
        List<String> found = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.gender.equals("*") && !rule.gender.equals(gender)) {
                continue;
            }
            if (!rule.grammaticalCase.equals(grammaticalCase) || !lower.endsWith(rule.ending)) {
                continue;
            }
            String stem = name.substring(0, name.length() - rule.ending.length());
            if (rule.stemEnd.equals("*") || stemEndsWithAny(stem.toLowerCase(), rule.stemEnd)) {
                found.add(stem + rule.nominative);
            }
        }
        return found;
    }

    private static boolean stemEndsWithAny(String stem, String ends) {
        for (String end : ends.split(",")) {
            if (end.equals("C") ? stem.matches(".*[бвгджзклмнпрстфхцчшщ]") : stem.endsWith(end)) {
                return true;
            }
        }
        return false;
    }
}
