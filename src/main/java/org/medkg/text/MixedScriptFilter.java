package org.medkg.text;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inside a word written in one script, letters typed in another that look like one of its own become that letter.
 * Two instances, each configured by a data file of look-alikes:
 * <ul>
 *   <li>{@link #intoCyrillic()} ({@code cyrillic-lookalikes.txt}): Latin {@code i} in {@code бiлiм} becomes Kazakh
 *       {@code і}, a Latin schwa {@code ә};</li>
 *   <li>{@link #intoLatin()} ({@code latin-lookalikes.txt}): Kazakh in the Latin alphabet typed on a Cyrillic
 *       keyboard, {@code Iаkab} with a Cyrillic {@code а}, {@code О́zbekstan} with a Cyrillic {@code О}.</li>
 * </ul>
 * A word is fixed only when it has a letter of the script and every other letter is a listed look-alike, so a real
 * word of the other script ({@code FLT3}, {@code Nino}, {@code Клодзинский}) is never touched. Combining marks
 * belong to their word, so the chain runs this before composition. One character for one: offsets do not move.
 */
public final class MixedScriptFilter implements TextFilter {

    private static final MixedScriptFilter INTO_CYRILLIC =
            new MixedScriptFilter("kazakhLetters", UnicodeScript.CYRILLIC, "cyrillic-lookalikes.txt");
    private static final MixedScriptFilter INTO_LATIN =
            new MixedScriptFilter("latinLetters", UnicodeScript.LATIN, "latin-lookalikes.txt");

    private final String name;
    private final UnicodeScript script;
    private final Map<Integer, Integer> lookalikes;

    private MixedScriptFilter(String name, UnicodeScript script, String table) {
        this.name = name;
        this.script = script;
        this.lookalikes = load(table);
    }

    /** Latin and obsolete look-alikes inside Cyrillic words become Kazakh or Russian letters. */
    public static MixedScriptFilter intoCyrillic() {
        return INTO_CYRILLIC;
    }

    /** Cyrillic look-alikes inside Latin words become Latin letters. */
    public static MixedScriptFilter intoLatin() {
        return INTO_LATIN;
    }

    @Override
    public String name() {
        return name;
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

    private void fixWord(int[] codePoints, int start, int end) {
        boolean ownLetter = false;
        boolean lookalike = false;
        for (int i = start; i < end; i++) {
            if (!Character.isLetter(codePoints[i])) {
                continue;
            }
            boolean listed = lookalikes.containsKey(codePoints[i]);
            boolean own = UnicodeScript.of(codePoints[i]) == script && !listed;
            if (!own && !listed) {
                return;
            }
            ownLetter |= own;
            lookalike |= listed;
        }
        if (ownLetter && lookalike) {
            for (int i = start; i < end; i++) {
                codePoints[i] = lookalikes.getOrDefault(codePoints[i], codePoints[i]);
            }
        }
    }

    private static Map<Integer, Integer> load(String table) {
        Map<Integer, Integer> map = new HashMap<>();
        for (String entry : DataLines.entries(MixedScriptFilter.class, table)) {
            List<String> columns = List.of(entry.split("\\s+"));
            if (columns.size() != 2 || columns.get(0).codePointCount(0, columns.get(0).length()) != 1
                    || columns.get(1).codePointCount(0, columns.get(1).length()) != 1) {
                throw new IllegalStateException(table + ": expected '<found> <meant>', got: " + entry);
            }
            map.put(columns.get(0).codePointAt(0), columns.get(1).codePointAt(0));
        }
        return Map.copyOf(map);
    }
}
