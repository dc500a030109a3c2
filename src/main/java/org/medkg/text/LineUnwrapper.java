package org.medkg.text;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the layout of text extracted from a PDF (hard-wrapped lines, words hyphenated at line ends, page
 * breaks), so that a line of the result is a paragraph, a list item or a heading, and paragraphs are separated
 * by a blank line. Used for {@code .txt} files and for the text of PDF files.
 *
 * <p>Between two lines the break becomes:
 * <ul>
 * <li>a joined word when the first line ends with a letter or digit and a hyphen and the next non-blank line
 *     starts with a letter or digit (blank lines in between are page breaks, not paragraph ends);</li>
 * <li>a paragraph break ({@code \n\n}) at a blank line, or before an indented line when under a quarter of
 *     the lines are indented (a paragraph indent rather than a margin);</li>
 * <li>a line break ({@code \n}) when the next line starts a list item ({@code –}, {@code —}, {@code -},
 *     {@code •}, {@code *}, {@code 1.}, {@code 1)}) or a line of a programme ({@code 10:00}; see
 *     {@link LineShapes});</li>
 * <li>for a short line (under {@value #SHORT_LINE} of the usual line width: the last line of a paragraph, or a
 *     heading), a paragraph break if it ends a sentence, else a line break;</li>
 * <li>a space otherwise (a soft wrap inside a paragraph).</li>
 * </ul>
 *
 * <p>A joined word keeps its hyphen ({@code Усть-\nКаменогорск} → {@code Усть-Каменогорск}) when the part after
 * the line break starts with a capital letter or a digit; otherwise it loses the hyphen ({@code Ал-\nлергология}
 * → {@code Аллергология}) unless the document says the hyphen belongs: the hyphenated word, or the part before
 * the hyphen followed by a hyphen, occurs on one line elsewhere in the document, or the part before the hyphen
 * is a compound first part listed in {@code compound-first-parts.txt} ({@code клинико-\nлабораторной}). The
 * joined word without hyphen occurring elsewhere in the document wins over the list.
 */
public final class LineUnwrapper {

    static final double SHORT_LINE = 0.7;
    private static final Set<String> COMPOUND_FIRST_PARTS =
            Set.copyOf(DataLines.entries(LineUnwrapper.class, "compound-first-parts.txt"));
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][»)\"]*$");
    private static final Pattern LINE_END_HYPHEN = Pattern.compile("([\\p{L}\\p{N}]+)[-\u00AD\u2010]$");
    private static final Pattern LINE_START_WORD = Pattern.compile("^([\\p{L}\\p{N}]+)");
    /** Spaces at line ends, no-break spaces included: PDF extractors leave them. */
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
    private static final LineUnwrapper STANDARD = new LineUnwrapper();

    public static LineUnwrapper standard() {
        return STANDARD;
    }

    public String unwrap(String text) {
        requireNonNull(text, "text");
        List<String> rawLines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> lines = rawLines.stream().map(l -> EDGE_SPACE.matcher(l).replaceAll("")).toList();
        boolean indentMarksParagraphs = indentMarksParagraphs(rawLines);
        WordEvidence evidence = new WordEvidence(lines);
        int shortLine = (int) (SHORT_LINE * usualWidth(lines));
        StringBuilder out = new StringBuilder(text.length());
        int i = nextNonBlank(lines, 0);
        while (i < lines.size()) {
            String line = lines.get(i);
            int next = nextNonBlank(lines, i + 1);
            if (next == lines.size()) {
                out.append(line);
                break;
            }
            String following = lines.get(next);
            Matcher left = LINE_END_HYPHEN.matcher(line);
            Matcher right = LINE_START_WORD.matcher(following);
            if (left.find() && right.find()) {
                out.append(line, 0, line.length() - 1);
                if (evidence.keepsHyphen(left.group(1), right.group(1))) {
                    out.append('-');
                }
            } else {
                boolean newParagraph = next > i + 1 || indentMarksParagraphs && isIndented(rawLines.get(next));
                out.append(line).append(separator(line, following, newParagraph, shortLine));
            }
            i = next;
        }
        return out.toString();
    }

    private static String separator(String line, String following, boolean newParagraph, int shortLine) {
        if (newParagraph) {
            return "\n\n";
        }
        if (LineShapes.isListItem(following) || LineShapes.startsWithTime(following)) {
            return "\n";
        }
        if (line.length() < shortLine) {
            return SENTENCE_END.matcher(line).find() ? "\n\n" : "\n";
        }
        return " ";
    }

    /** Indented lines start paragraphs only when few lines are indented; else indentation is just the margin. */
    private static boolean indentMarksParagraphs(List<String> rawLines) {
        List<String> nonBlankLines = rawLines.stream().filter(l -> !EDGE_SPACE.matcher(l).replaceAll("").isEmpty()).toList();
        long nonBlank = nonBlankLines.size();
        long indented = nonBlankLines.stream().filter(LineUnwrapper::isIndented).count();
        return indented * 4 < nonBlank;
    }

    private static boolean isIndented(String line) {
        return !line.isEmpty() && (Character.isWhitespace(line.charAt(0)) || Character.isSpaceChar(line.charAt(0)));
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        return i;
    }

    /** The width most lines are wrapped at: the 80th percentile of line lengths, so short lines stand out. */
    private static int usualWidth(List<String> lines) {
        int[] lengths = lines.stream().filter(l -> !l.isEmpty()).mapToInt(String::length).sorted().toArray();
        return lengths.length == 0 ? 0 : lengths[(int) (lengths.length * 0.8)];
    }

    /** What the document itself says about words that a line break cut at a hyphen. */
    private static final class WordEvidence {
        private final Set<String> words;
        private final Set<String> hyphenatedFirstParts;

        WordEvidence(List<String> lines) {
            List<String> found = new ArrayList<>();
            List<String> firstParts = new ArrayList<>();
            Matcher word = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*").matcher("");
            for (String line : lines) {
                word.reset(line);
                while (word.find()) {
                    String w = word.group().toLowerCase(Locale.ROOT);
                    found.add(w);
                    String[] parts = w.split("-");
                    for (int p = 0; p < parts.length - 1; p++) {
                        firstParts.add(parts[p]);
                    }
                }
            }
            words = Set.copyOf(found);
            hyphenatedFirstParts = Set.copyOf(firstParts);
        }

        boolean keepsHyphen(String before, String after) {
            if (!Character.isLowerCase(after.codePointAt(0))) {
                return true;
            }
            String lowerBefore = before.toLowerCase(Locale.ROOT);
            String lowerAfter = after.toLowerCase(Locale.ROOT);
            if (words.contains(lowerBefore + lowerAfter)) {
                return false;
            }
            return words.contains(lowerBefore + "-" + lowerAfter)
                    || lowerBefore.length() >= 4 && hyphenatedFirstParts.contains(lowerBefore)
                    || COMPOUND_FIRST_PARTS.contains(lowerBefore);
        }
    }
}
