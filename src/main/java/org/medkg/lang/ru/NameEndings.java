package org.medkg.lang.ru;

import java.util.List;
import org.medkg.text.DataLines;

/**
 * Rules that give the nominative of a surname the dictionary does not know, from its ending, gender and case.
 * The rules are data: {@code surname-endings.tsv} beside this class.
 */
final class SurnameEndings {

    private record Rule(String gender, String grammaticalCase, String stemEnd, String ending, String nominative) {
    }

    private static final List<Rule> RULES = load();

    private SurnameEndings() {
    }

    static String nominative(String family, String gender, String grammaticalCase) {
        String lower = family.toLowerCase();
        for (Rule rule : RULES) {
            if (!rule.gender.equals("*") && !rule.gender.equals(gender)) {
                continue;
            }
            if (!rule.grammaticalCase.equals(grammaticalCase) || !lower.endsWith(rule.ending)) {
                continue;
            }
            String stem = family.substring(0, family.length() - rule.ending.length());
            if (rule.stemEnd.equals("*") || stemEndsWithAny(stem.toLowerCase(), rule.stemEnd)) {
                return stem + rule.nominative;
            }
        }
        return family;
    }

    private static boolean stemEndsWithAny(String stem, String ends) {
        for (String end : ends.split(",")) {
            if (end.equals("C") ? stem.matches(".*[бвгджзклмнпрстфхцчшщ]") : stem.endsWith(end)) {
                return true;
            }
        }
        return false;
    }

    private static List<Rule> load() {
        return DataLines.rows(SurnameEndings.class, "surname-endings.tsv").stream()
                .map(f -> new Rule(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "")).toList();
    }
}
