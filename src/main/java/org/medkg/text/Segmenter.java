package org.medkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences and list items. A sentence ends at {@code . ! ?} followed by space and a capital
 * letter, unless the dot ends an abbreviation or an initial ({@code г.}, {@code им.}, {@code И.}); a list item, a
 * table row and a line that starts with a time of day are segments of their own, ending at their line's end
 * ({@link LineShapes}); a blank line ends a paragraph.
 */
public final class Segmenter {

    private static final Pattern BOUNDARY = Pattern.compile("[.!?…]+[»”\"')]*\\s+(?=[\\p{Lu}«“\"–—-])|\\n\\s*\\n"
            + "|;\\s*\\n|\\n");
    /** A line laid out as structure: a list item, a table row, a line that opens with a time ({@link LineShapes}). */
    private static final Pattern STRUCTURED_LINE = Pattern.compile("[ \\t]*(?:" + LineShapes.ITEM_MARKER + "|"
            + Pattern.quote(LineShapes.ROW) + "|" + LineShapes.TIME + ")");
    private static final Pattern ITEM_NUMBER = Pattern.compile("[ \\t]*\\d{1,2}\\.");
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
    /**
     * Initials: capitals, each with a dot before the next (И., Р.М), and the two letters that transliterate one
     * Cyrillic letter (Zh.Yu. Chefranova, Sh.M., Kh. Ya.).
     */
    private static final Pattern INITIALS = Pattern.compile("((\\p{Lu}|[CKSZ]h|Y[aeou]|Ts)\\.)*(\\p{Lu}|[CKSZ]h|Y[aeou]|Ts)");
    /** Letters with dots between them (т.е, e.g): tried at every dot, so compiled once. */
    private static final Pattern DOTTED_LETTERS = Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "г", "гг", "им", "ул", "пр", "проф", "акад", "доц", "зав", "д", "т", "св", "prof", "assoc", "dr", "st", "mr", "ms",
            "mrs", "no",
            "н", "т.е", "т.д", "т.п", "и.о", "т.ч");

    private Segmenter() {
    }

    public static List<Segment> segment(String text) {
        List<Integer> paragraphStarts = new ArrayList<>();
        paragraphStarts.add(0);
        Matcher p = PARAGRAPH.matcher(text);
        while (p.find()) {
            paragraphStarts.add(p.end());
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        Matcher m = BOUNDARY.matcher(text);
        while (m.find()) {
            if (text.charAt(m.start()) == '.' && (endsWithAbbreviation(text, m.start()) || endsItemNumber(text, m.start()))) {
                continue;
            }
            boolean lineBreak = m.group().equals("\n");
            if (lineBreak && !isStructured(text, m.end()) && !isStructured(text, text.lastIndexOf('\n', m.start() - 1) + 1)) {
                continue; // a line break inside a paragraph, between lines that are no list items, rows or timed lines
            }
            add(segments, text, start, m.group().startsWith(";") ? m.start() + 1 : m.start() + 1, paragraphStarts);
            start = m.end();
        }
        add(segments, text, start, text.length(), paragraphStarts);
        return List.copyOf(segments);
    }

    /** The line that starts at an offset is a list item, a table row or a timed line. */
    private static boolean isStructured(String text, int lineStart) {
        return STRUCTURED_LINE.matcher(text).region(lineStart, text.length()).lookingAt();
    }

    /** The dot of a numbered item's number at the start of a line (2. А.А. Клодзинский). */
    private static boolean endsItemNumber(String text, int dot) {
        int lineStart = text.lastIndexOf('\n', dot) + 1;
        return ITEM_NUMBER.matcher(text.substring(lineStart, dot + 1)).matches();
    }

    private static boolean endsWithAbbreviation(String text, int dot) {
        int i = dot;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            i--;
        }
        String word = text.substring(i, dot);
        if (INITIALS.matcher(word).matches()) {
            return true;
        }
        String lower = word.toLowerCase();
        return ABBREVIATIONS.contains(lower) || DOTTED_LETTERS.matcher(lower).matches();
    }

    private static void add(List<Segment> segments, String text, int start, int end, List<Integer> paragraphStarts) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            int paragraph = 0;
            while (paragraph + 1 < paragraphStarts.size() && paragraphStarts.get(paragraph + 1) <= start) {
                paragraph++;
            }
            segments.add(new Segment(start, end, paragraph));
        }
    }
}
