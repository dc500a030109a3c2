package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkg.text.DataLines;

/**
 * Names of months ({@code month-names.txt}) or of weekdays ({@code weekday-names.txt}) in Russian, Kazakh and
 * English: a regular expression that matches them and the number of a matched name. Kazakh names are stems that
 * take the endings of {@code kazakh-case-endings.txt} (мамырда, сенбіде).
 */
public final class CalendarNames {

    private static final CalendarNames MONTHS = load("month-names.txt", 12);
    private static final CalendarNames WEEKDAYS = load("weekday-names.txt", 7);

    /** Full forms (lower case, no abbreviation dot) → number. */
    private final Map<String, Integer> forms;
    /** Kazakh stems (lower case) → number; the text adds an ending from {@link #kazakhEndings}. */
    private final Map<String, Integer> kazakhStems;
    private final List<String> kazakhEndings;
    private final String anyPattern;
    private final String englishPattern;

    private CalendarNames(Map<String, Integer> forms, Map<String, Integer> kazakhStems, List<String> kazakhEndings,
                          List<String> russianAlternatives, List<String> englishAlternatives) {
        this.forms = Map.copyOf(forms);
        this.kazakhStems = Map.copyOf(kazakhStems);
        this.kazakhEndings = List.copyOf(kazakhEndings);
        this.englishPattern = "(?-i:" + WordTrie.pattern(englishAlternatives) + ")";
        // A Kazakh name is a stem and at most one ending: the stems, then the endings, rather than every stem with
        // every ending, which made each date rule naming a month a regular expression of 20,000 characters, all
        // compiled at start-up.
        String kazakh = WordTrie.pattern(kazakhStems.keySet()) + "(?:" + WordTrie.pattern(kazakhEndings) + ")?";
        this.anyPattern = "(?:" + englishPattern + "|" + WordTrie.pattern(russianAlternatives) + "|" + kazakh + ")";
    }

    /** January is 1. */
    public static CalendarNames months() {
        return MONTHS;
    }

    /** Monday is 1, Sunday 7 (ISO). */
    public static CalendarNames weekdays() {
        return WEEKDAYS;
    }

    /** A regular expression (no groups) matching a name of any language (case-insensitive but for English). */
    public String anyPattern() {
        return anyPattern;
    }

    /** A regular expression (no groups) matching a capitalized English name. */
    public String englishPattern() {
        return englishPattern;
    }

    /** The number of a name this class's patterns matched, or 0 when it is no such name. */
    public int numberOf(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        Integer number = forms.get(key);
        if (number != null) {
            return number;
        }
        for (Map.Entry<String, Integer> stem : kazakhStems.entrySet()) {
            String ending = key.startsWith(stem.getKey()) ? key.substring(stem.getKey().length()) : null;
            if (ending != null && (ending.isEmpty() || kazakhEndings.contains(ending))) {
                return stem.getValue();
            }
        }
        return 0;
    }

    private static CalendarNames load(String resource, int count) {
        Map<String, Integer> forms = new HashMap<>();
        Map<String, Integer> kazakhStems = new HashMap<>();
        List<String> russian = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(CalendarNames.class, resource)) {
            String[] columns = line.text().split("\\s+");
            if (columns.length < 3) {
                throw line.error("expected: number language form...");
            }
            int number;
            try {
                number = Integer.parseInt(columns[0]);
            } catch (NumberFormatException e) {
                throw line.error("the first column is not a number");
            }
            if (number < 1 || number > count) {
                throw line.error("number out of 1.." + count);
            }
            String language = columns[1];
            for (int i = 2; i < columns.length; i++) {
                boolean abbreviation = columns[i].endsWith(".");
                String form = abbreviation ? columns[i].substring(0, columns[i].length() - 1) : columns[i];
                String key = form.toLowerCase(Locale.ROOT);
                switch (language) {
                    case "kk" -> kazakhStems.put(key, number);
                    case "ru", "en" -> {
                        forms.put(key, number);
                        List<String> written = language.equals("en") ? english : russian;
                        written.add(language.equals("en") ? form : key);
                        if (abbreviation) {
                            written.add((language.equals("en") ? form : key) + "."); // the dot is optional
                        }
                    }
                    default -> throw line.error("unknown language " + language);
                }
            }
        }
        List<String> endings = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(CalendarNames.class, "kazakh-case-endings.txt")) {
            endings.addAll(List.of(line.text().split("\\s+")));
        }
        return new CalendarNames(forms, kazakhStems, endings, russian, english);
    }
}
