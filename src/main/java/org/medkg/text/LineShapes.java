package org.medkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
    /** What opens a line before its content: a list marker, a row's bar, or a time (maybe a span) and a dash. */
    private static final Pattern OPENING = Pattern.compile("^(?:" + ITEM_MARKER + "|" + Pattern.quote(ROW) + "|" + TIME
            + "(?:\\s*[–—-]\\s*\\d{1,2}[:.][0-5]\\d)?[\\s.:—–-]*)");

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

    /** How long the opening of a line is: its list marker, its row's bar, or its time of day and a dash; else 0. */
    public static int openingLength(String line) {
        Matcher opening = OPENING.matcher(line);
        return opening.find() ? opening.end() : 0;
    }

    /** Where each cell of a table row starts and ends in the row, {@code [start, end)} (a cell may be empty). */
    public static List<int[]> cells(String row) {
        List<int[]> cells = new ArrayList<>();
        int start = row.startsWith(ROW) ? ROW.length() : 0;
        for (int bar = row.indexOf(CELL, start); bar >= 0; bar = row.indexOf(CELL, start)) {
            cells.add(new int[] {start, bar});
            start = bar + CELL.length();
        }
        cells.add(new int[] {start, row.endsWith(" |") ? row.length() - 2 : row.length()});
        return cells;
    }
}
