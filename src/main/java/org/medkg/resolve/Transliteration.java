package org.medkg.resolve;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A spelling-neutral key for names written in Cyrillic (Russian, Kazakh) or Latin letters: Клодзинский and
 * Klodzinsky, Махамадалиева and Makhamadalieva, Баландинская and Balandinskaya give the same key. It is a key
 * for matching, not a romanization to show.
 */
public final class Transliteration {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('ә', "a"), Map.entry('ғ', "g"),
            Map.entry('қ', "k"), Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"), Map.entry('ү', "u"),
            Map.entry('һ', "h"), Map.entry('і', "i"));

    /** Latin letters that Unicode does not take apart into a letter and an accent: Soı (Kazakh), Əliyev, Łukasz. */
    private static final Map<Character, String> OTHER_LATIN = Map.of(
            'ı', "i", 'ə', "a", 'ł', "l", 'ø', "o", 'æ', "ae", 'ß', "ss", 'đ', "d");

    /** Latin spellings that differ between romanization systems, folded to one form; order matters. */
    private static final String[][] FOLDS = {
            {"shch", "sh"}, {"sch", "sh"}, {"kh", "h"}, {"zh", "j"}, {"dzh", "j"}, {"ts", "c"}, {"tz", "c"},
            {"ch", "c"}, {"sh", "s"}, {"x", "ks"}, {"w", "v"}, {"ph", "f"}, {"q", "k"},
            {"yu", "u"}, {"iu", "u"}, {"ya", "a"}, {"ia", "a"}, {"yo", "o"}, {"ye", "e"}, {"ie", "e"}, {"y", "i"}, {"j", "i"}};

    /** Compiled once: keys are taken for every name indexed and every mention resolved. */
    private static final Pattern REPEATED_LETTER = Pattern.compile("(.)\\1+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}");

    private Transliteration() {
    }

    public static String key(String text) {
        String key = romanized(text);
        for (String[] fold : FOLDS) {
            key = key.replace(fold[0], fold[1]);
        }
        return SPACES.matcher(REPEATED_LETTER.matcher(key).replaceAll("$1").strip()).replaceAll("-");
    }

    /**
     * A readable IRI segment: the text romanized as it is spelled, lower case, words joined by dashes
     * ({@code 2022-11-16-master-class-in-north-kazakhstan}); unlike {@link #key} it folds and drops nothing.
     */
    public static String slug(String text) {
        return SPACES.matcher(romanized(text).strip()).replaceAll("-");
    }

    /** Lower-case Latin letters and digits; anything else becomes a space. */
    private static String romanized(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.containsKey(c) ? CYRILLIC.get(c) : OTHER_LATIN.get(c);
            if (mapped != null) {
                latin.append(mapped);
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                latin.append(c);
            } else {
                String plain = ACCENTS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
                latin.append(plain.length() == 1 && plain.charAt(0) >= 'a' && plain.charAt(0) <= 'z' ? plain : " ");
            }
        }
        return latin.toString();
    }
}
