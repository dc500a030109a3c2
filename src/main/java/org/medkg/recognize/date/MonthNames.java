package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medkg.text.DataLines;

/**
 * Month names in Russian, Kazakh and English, from {@code month-names.txt} and {@code kazakh-month-endings.txt}:
 * regular expressions that match them and the month number of a matched name.
 */
public final class MonthNames {

    private static final MonthNames STANDARD = load();

    /** Full forms (lower case, no abbreviation dot) → month number. */
    private final Map<String, Integer> forms;
    /** Kazakh stems (lower case) → month number; the text adds an ending from {@link #kazakhEndings}. */
    private final Map<String, Integer> kazakhStems;
    private final List<String> kazakhEndings;
    private final String anyPattern;
    private final String englishPattern;

    private MonthNames(Map<String, Integer> forms, Map<String, Integer> kazakhStems, List<String> kazakhEndings,
                       List<String> russianAlternatives, List<String> englishAlternatives) {
        this.forms = Map.copyOf(forms);
        this.kazakhStems = Map.copyOf(kazakhStems);
        this.kazakhEndings = List.copyOf(kazakhEndings);
        this.englishPattern = "(?-i:" + alternation(englishAlternatives) + ")";
        String kazakh = "(?:" + alternation(kazakhStems.keySet().stream().map(Pattern::quote).toList())
                + ")(?:" + alternation(kazakhEndings.stream().map(Pattern::quote).toList()) + ")?";
        this.anyPattern = "(?:" + englishPattern + "|" + alternation(russianAlternatives) + "|" + kazakh + ")";
    }

    public static MonthNames standard() {
        return STANDARD;
    }

    /** A regular expression (no groups) matching a month name of any language. */
    public String anyPattern() {
        return anyPattern;
    }

    /** A regular expression (no groups) matching a capitalized English month name. */
    public String englishPattern() {
        return englishPattern;
    }

    /** The month number (1–12) of a name this class's patterns matched, or 0 when it is not a month name. */
    public int monthOf(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        Integer month = forms.get(key);
        if (month != null) {
            return month;
        }
        for (Map.Entry<String, Integer> stem : kazakhStems.entrySet()) {
            String ending = key.startsWith(stem.getKey()) ? key.substring(stem.getKey().length()) : null;
            if (ending != null && (ending.isEmpty() || kazakhEndings.contains(ending))) {
                return stem.getValue();
            }
        }
        return 0;
    }

    private static String alternation(List<String> alternatives) {
        // Longest first, so that a regex alternation prefers «мамырдан» to «мамыр».
        return alternatives.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                .collect(Collectors.joining("|"));
    }

    private static MonthNames load() {
        Map<String, Integer> forms = new HashMap<>();
        Map<String, Integer> kazakhStems = new HashMap<>();
        List<String> russian = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(MonthNames.class, "month-names.txt")) {
            String[] columns = line.text().split("\\s+");
            if (columns.length < 3) {
                throw line.error("expected: month language form...");
            }
            int month;
            try {
                month = Integer.parseInt(columns[0]);
            } catch (NumberFormatException e) {
                throw line.error("month number is not a number");
            }
            if (month < 1 || month > 12) {
                throw line.error("month number out of 1..12");
            }
            String language = columns[1];
            for (int i = 2; i < columns.length; i++) {
                boolean abbreviation = columns[i].endsWith(".");
                String form = abbreviation ? columns[i].substring(0, columns[i].length() - 1) : columns[i];
                String key = form.toLowerCase(Locale.ROOT);
                switch (language) {
                    case "kk" -> kazakhStems.put(key, month);
                    case "ru", "en" -> {
                        forms.put(key, month);
                        String regex = Pattern.quote(form) + (abbreviation ? "\\.?" : "");
                        (language.equals("en") ? english : russian).add(regex);
                    }
                    default -> throw line.error("unknown language " + language);
                }
            }
        }
        List<String> endings = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(MonthNames.class, "kazakh-month-endings.txt")) {
            endings.addAll(List.of(line.text().split("\\s+")));
        }
        return new MonthNames(forms, kazakhStems, endings, russian, english);
    }
}
