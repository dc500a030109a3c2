package org.medkg.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes one copy of the scaled corpus differ from the others: its surnames' prefix ({@link NameVariants}),
 * its swapped cities ({@link CitySwaps}) and its shifted dates ({@link DateShifts}). Words are looked up by their
 * stem: a capitalized word is a surname's or a city's form when, less an ending of a few letters, it is that stem.
 */
final class CopyPerturbation {
    private static final Pattern CAPITALIZED = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]*(?:-\\p{Lu}[\\p{L}\\p{M}]*)*");
    /** The longest case ending after a surname's stem: Russian -ого, Kazakh -тың. */
    private static final int MAX_SURNAME_ENDING = 4;
    /** The longest ending after any stem (a Kazakh city's -дағы, -ларда). */
    private static final int LONGEST_ENDING = 6;

    private final int copy;
    private final NameVariants names;
    private final CitySwaps cities;
    private final Map<String, String> cityStems;
    private final DateShifts dates;
    private final DateShifts.Shift shift;

    CopyPerturbation(int copy, NameVariants names, CitySwaps cities, DateShifts dates) {
        this.copy = copy;
        this.names = names;
        this.cities = cities;
        this.cityStems = cities.forCopy(copy);
        this.dates = dates;
        this.shift = dates.forCopy(copy);
    }

    /** {@code text} as this copy has it. */
    String apply(String text) {
        if (copy == 0) {
            return text;
        }
        String dated = dates.apply(text, shift);
        Matcher word = CAPITALIZED.matcher(dated);
        StringBuilder out = new StringBuilder(dated.length() + 256);
        while (word.find()) {
            word.appendReplacement(out, Matcher.quoteReplacement(replace(word.group())));
        }
        word.appendTail(out);
        return out.toString();
    }

    private String replace(String word) {
        int longestEnding = Math.min(word.length() - 1, LONGEST_ENDING);
        for (int ending = 0; ending <= longestEnding; ending++) {
            String stem = word.substring(0, word.length() - ending);
            if (ending <= cities.maxEnding(stem)) {
                return cityStems.get(stem) + word.substring(stem.length());
            }
            if (ending <= MAX_SURNAME_ENDING && names.isSurnameStem(stem)) {
                return names.variant(word, copy);
            }
        }
        return word;
    }
}
