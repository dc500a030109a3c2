package org.medkg.lang.kk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.medkg.text.DataLines;

/**
 * Kazakh written in the Latin alphabet of 2018 (Densaýlyq saqtaý mınıstri, Qazaqstannyń): its letters as Cyrillic
 * ones, so that the Cyrillic lexicons, suffix lists and stop words read it too ({@code basshysy} → {@code басшысы},
 * {@code Sharmanovty} → {@code Шармановты}). The letter table is data: {@code latin-letters.txt}. It is a reading
 * aid for lookups, not a transliteration to show; Cyrillic letters in the text stay as they are.
 */
public final class KazakhLatin {

    private static final Map<String, String> LETTERS = load("latin-letters.txt");
    private static final Map<String, String> CYRILLIC_LETTERS = load("cyrillic-letters.txt");
    /** The letters only this alphabet uses among those the corpus languages write (ǵ, ń, ı, ý, ú; ó, á). */
    private static final String OWN_LETTERS = "ǵńıýúóá";

    private KazakhLatin() {
    }

    /** The word in Cyrillic letters, lower case; letters that are not in the table stay as they are. */
    public static String toCyrillic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int i = 0;
        while (i < lower.length()) {
            String two = i + 2 <= lower.length() ? LETTERS.get(lower.substring(i, i + 2)) : null;
            if (two != null) {
                out.append(two);
                i += 2;
                continue;
            }
            String one = LETTERS.get(lower.substring(i, i + 1));
            out.append(one != null ? one : lower.substring(i, i + 1));
            i++;
        }
        return out.toString();
    }

    /**
     * The word as the Latin alphabet of 2018 writes it, lower case (Әзербайжан → ázerbaıjan, Грузия → grýzııa):
     * Cyrillic → Latin is a function where Latin → Cyrillic is not (ı is и or й), so names are compared in Latin.
     */
    public static String toLatin(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            String letter = word.substring(i, i + 1).toLowerCase(Locale.ROOT);
            String latin = CYRILLIC_LETTERS.get(letter);
            out.append(latin == null ? letter : latin.equals("-") ? "" : latin);
        }
        return out.toString();
    }

    /** Whether the word is written in Latin letters (Kazakh in the Latin alphabet, or a foreign word). */
    public static boolean isLatin(String word) {
        return !word.isEmpty() && word.codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** Whether the word has a letter that marks this alphabet (Densaýlyq, mınıstri, Qazaqstannyń). */
    public static boolean hasOwnLetter(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.chars().anyMatch(c -> OWN_LETTERS.indexOf(c) >= 0);
    }

    /**
     * The beginning of a Latin word whose Cyrillic reading is {@code cyrillicStem} (Sharmanovty, Шарманов →
     * Sharmanov), or null when no beginning reads so.
     */
    public static String latinPrefixFor(String word, String cyrillicStem) {
        for (int k = word.length(); k > 0; k--) {
            if (toCyrillic(word.substring(0, k)).equals(cyrillicStem.toLowerCase(Locale.ROOT))) {
                return word.substring(0, k);
            }
        }
        return null;
    }

    private static Map<String, String> load(String file) {
        Map<String, String> letters = new HashMap<>();
        for (DataLines.Line line : DataLines.read(KazakhLatin.class, file)) {
            String[] columns = line.text().split("\\s+");
            if (columns.length != 2) {
                throw line.error("expected: letter, then the same letter in the other alphabet");
            }
            if (letters.put(columns[0], columns[1]) != null) {
                throw line.error("letter listed twice");
            }
        }
        return Map.copyOf(letters);
    }
}
