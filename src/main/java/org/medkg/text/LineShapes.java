package org.medkg.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How flat text keeps the structure of a page, written by the readers and read back by the segmenter and the
 * analyzer: a list item is a line that starts with a dash, a bullet or a number ({@code – }, {@code • },
 * {@code 2. }); a table row is a line that starts with {@code | }, its cells separated by {@code  | }; a line of a
 * programme starts with a time of day ({@code 10:00}, {@code 10.00–10.20}).
 */
public final class LineShapes {

    /** What readers put before a list item of a bulleted list. */
    public static final String BULLET = "• ";
    /** What starts a table row, and what separates its cells. */
    public static final String ROW = "| ";
    public static final String CELL = " | ";

    /** A dash or bullet and a space, or a number with {@code .} or {@code )} and a space. */
    static final String ITEM_MARKER = "(?:[–—\\-•*▪●]|\\d{1,2}[.)])\\s";
    /**
     * A time of day at the start of a line, maybe a span (10.00–10.20), maybe after a clock emoji: not a date
     * (19.09.24), whose second number goes on.
     */
    static final String TIME = "[^\\p{L}\\d\\n]{0,3}\\d{1,2}[:.][0-5]\\d(?![.:]?\\d)";

    private static final Pattern ITEM = Pattern.compile("^" + ITEM_MARKER);
    private static final Pattern TIMED = Pattern.compile("^" + TIME);
    private static final Pattern CELL_SPLIT = Pattern.compile(" \\| ");

    private LineShapes() {
    }

    public static boolean isListItem(String line) {
        return ITEM.matcher(line).find();
    }

    public static boolean isTableRow(String line) {
        return line.startsWith(ROW) || line.equals("|");
    }

    public static boolean startsWithTime(String line) {
        return TIMED.matcher(line).find();
    }

    /** The cells of a table row as written (a cell may be empty). */
    public static List<String> cells(String row) {
        String inner = row.startsWith(ROW) ? row.substring(ROW.length()) : row;
        return List.of(CELL_SPLIT.split(inner.endsWith(" |") ? inner.substring(0, inner.length() - 2) : inner, -1));
    }
}
