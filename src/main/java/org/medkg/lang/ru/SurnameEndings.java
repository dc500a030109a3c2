package org.medkg.lang.ru;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = SurnameEndings.class.getResourceAsStream("surname-endings.tsv")) {
            if (in == null) {
                throw new IllegalStateException("surname-endings.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rules.add(new Rule(f[0], f[1], f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rules);
    }
}
