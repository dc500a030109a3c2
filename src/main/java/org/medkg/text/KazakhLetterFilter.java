package org.medkg.text;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inside a Cyrillic word, letters typed in another script that look like a Kazakh or Russian letter become that
 * letter: Latin {@code i} in {@code бiлiм} becomes Kazakh {@code і}, a Latin schwa becomes {@code ә}. The table is
 * the data file {@code cyrillic-lookalikes.txt}. A word with a Latin letter that has no look-alike is a real
 * mixed word and stays as it is. One character for one, so offsets do not move.
 */
public final class KazakhLetterFilter implements TextFilter {

    private static final Map<Integer, Integer> LOOKALIKES = load();

    @Override
    public String name() {
        return "kazakhLetters";
    }

    @Override
    public String apply(String text) {
        int[] codePoints = text.codePoints().toArray();
        int start = 0;
        while (start < codePoints.length) {
            if (!Character.isLetter(codePoints[start])) {
                start++;
                continue;
            }
            int end = start;
            while (end < codePoints.length && Character.isLetter(codePoints[end])) {
                end++;
            }
            fixWord(codePoints, start, end);
            start = end;
        }
        return new String(codePoints, 0, codePoints.length);
    }

    private static void fixWord(int[] codePoints, int start, int end) {
        boolean hasCyrillic = false;
        for (int i = start; i < end; i++) {
            boolean cyrillic = UnicodeScript.of(codePoints[i]) == UnicodeScript.CYRILLIC;
            if (!cyrillic && !LOOKALIKES.containsKey(codePoints[i])) {
                return;
            }
            hasCyrillic |= cyrillic && !LOOKALIKES.containsKey(codePoints[i]);
        }
        if (hasCyrillic) {
            for (int i = start; i < end; i++) {
                codePoints[i] = LOOKALIKES.getOrDefault(codePoints[i], codePoints[i]);
            }
        }
    }

    private static Map<Integer, Integer> load() {
        Map<Integer, Integer> map = new HashMap<>();
        for (String entry : DataLines.entries(KazakhLetterFilter.class, "cyrillic-lookalikes.txt")) {
            List<String> columns = List.of(entry.split("\\s+"));
            if (columns.size() != 2 || columns.get(0).codePointCount(0, columns.get(0).length()) != 1
                    || columns.get(1).codePointCount(0, columns.get(1).length()) != 1) {
                throw new IllegalStateException("cyrillic-lookalikes.txt: expected '<found> <meant>', got: " + entry);
            }
            map.put(columns.get(0).codePointAt(0), columns.get(1).codePointAt(0));
        }
        return Map.copyOf(map);
    }
}
