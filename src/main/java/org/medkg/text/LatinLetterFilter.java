package org.medkg.text;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inside a Latin word, Cyrillic letters that look like a Latin one become that letter: {@code Iаkab} with a
 * Cyrillic {@code а} becomes {@code Iakab}, {@code О́zbekstan} becomes {@code Ózbekstan} once composed. The table is
 * the data file {@code latin-lookalikes.txt}; a word with a Cyrillic letter that has no look-alike stays as it is.
 * The mirror of {@link KazakhLetterFilter}. Combining marks belong to their word, so this runs before composition.
 * One character for one, so offsets do not move.
 */
public final class LatinLetterFilter implements TextFilter {

    private static final Map<Integer, Integer> LOOKALIKES = load();

    @Override
    public String name() {
        return "latinLetters";
    }

    @Override
    public String apply(String text) {
        int[] codePoints = text.codePoints().toArray();
        int start = 0;
        while (start < codePoints.length) {
            if (!inWord(codePoints[start])) {
                start++;
                continue;
            }
            int end = start;
            while (end < codePoints.length && inWord(codePoints[end])) {
                end++;
            }
            fixWord(codePoints, start, end);
            start = end;
        }
        return new String(codePoints, 0, codePoints.length);
    }

    private static boolean inWord(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }

    private static void fixWord(int[] codePoints, int start, int end) {
        boolean hasLatin = false;
        boolean hasLookalike = false;
        for (int i = start; i < end; i++) {
            if (!Character.isLetter(codePoints[i])) {
                continue;
            }
            boolean latin = UnicodeScript.of(codePoints[i]) == UnicodeScript.LATIN;
            if (!latin && !LOOKALIKES.containsKey(codePoints[i])) {
                return;
            }
            hasLatin |= latin;
            hasLookalike |= !latin;
        }
        if (hasLatin && hasLookalike) {
            for (int i = start; i < end; i++) {
                codePoints[i] = LOOKALIKES.getOrDefault(codePoints[i], codePoints[i]);
            }
        }
    }

    private static Map<Integer, Integer> load() {
        Map<Integer, Integer> map = new HashMap<>();
        for (String entry : DataLines.entries(LatinLetterFilter.class, "latin-lookalikes.txt")) {
            List<String> columns = List.of(entry.split("\\s+"));
            if (columns.size() != 2 || columns.get(0).codePointCount(0, columns.get(0).length()) != 1
                    || columns.get(1).codePointCount(0, columns.get(1).length()) != 1) {
                throw new IllegalStateException("latin-lookalikes.txt: expected '<found> <meant>', got: " + entry);
            }
            map.put(columns.get(0).codePointAt(0), columns.get(1).codePointAt(0));
        }
        return Map.copyOf(map);
    }
}
