package org.medkg.document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.medkg.text.LineShapes;

/**
 * Grav pages: YAML front matter ({@link FrontMatter}) and a CommonMark body turned into plain text. Paragraphs
 * and headings are separated by a blank line; list items and line breaks inside a paragraph stay separate lines,
 * because recognizers read enumerations line by line: an item keeps a marker ({@code • }, or its number in a
 * numbered list), and a GFM table row is a line of cells ({@link LineShapes}). Images, Grav shortcodes ({@code [owl-carousel …]},
 * {@code [/owl-carousel]}), Grav plugin embeds ({@code [plugin:youtube](…)}), the {@code ===} summary separator and
 * HTML tags are dropped; links keep their text; an HTML block is laid out as {@link HtmlReader} lays out a page.
 */
final class MarkdownReader implements DocumentReader {

    /** Grav's summary separator: a line of exactly three equals signs (else it would underline a heading). */
    private static final Pattern SUMMARY_SEPARATOR = Pattern.compile("(?m)^===[ \\t]*$");
    // Used on every document or inline tag, so compiled once rather than by String.replaceAll or matches.
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    /** {@code [name attr=value …]}, {@code [name=value]}, {@code [name]} or {@code [/name]}, not a link. */
    private static final Pattern SHORTCODE =
            Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:[= ][^\\]\\n]*)?)\\](?![(\\[])");
    private static final String PLUGIN_LINK_PREFIX = "plugin:";
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Override
    public DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException {
        return readText(file, TextDecoding.decode(file, bytes));
    }

    /** For readers that find Markdown inside a file of another extension. */
    DocumentContent readText(String file, String text) throws BadDocumentException {
        FrontMatter page = FrontMatter.read(file, text.replace("\r\n", "\n"));
        String markdown = removeShortcodes(SUMMARY_SEPARATOR.matcher(page.body()).replaceAll(""));
        return new DocumentContent(page.title(), page.published(), PlainText.of(PARSER.parse(markdown)));
    }

    /**
     * Removes shortcode tags, keeping what they enclose. {@code [word]} alone is only a shortcode when a closing
     * {@code [/word]} exists, so bracketed text such as {@code [sic]} survives.
     */
    static String removeShortcodes(String markdown) {
        Set<String> closed = new HashSet<>();
        Matcher closing = SHORTCODE.matcher(markdown);
        while (closing.find()) {
            if (!closing.group(1).isEmpty()) {
                closed.add(closing.group(2));
            }
        }
        return SHORTCODE.matcher(markdown).replaceAll(tag -> {
            boolean isShortcode = !tag.group(1).isEmpty() || tag.group(3).contains("=")
                    || closed.contains(tag.group(2));
            return isShortcode ? "" : Matcher.quoteReplacement(tag.group());
        });
    }

    /**
     * Writes inline content as it comes; blocks are separated by a blank line, list items by a line break. The tree
     * is walked in a loop, not by recursion, so that a page nested thousands deep (quotes in quotes, lists in lists)
     * cannot overflow the stack. Every node's text is written on the way down: nothing is written on the way up.
     */
    private static final class PlainText {
        private final StringBuilder out = new StringBuilder();
        /** The marker of a list item not written yet: an item that holds only a list of its own gets none. */
        private String pendingMarker;

        static String of(Node document) {
            PlainText writer = new PlainText();
            Node node = document;
            while (node != null) {
                boolean descend = writer.enter(node);
                if (descend && node.getFirstChild() != null) {
                    node = node.getFirstChild();
                    continue;
                }
                while (node != document && node.getNext() == null) {
                    node = node.getParent();
                }
                node = node == document ? null : node.getNext();
            }
            return BLANK_RUN.matcher(TRAILING_SPACE.matcher(writer.out.toString()).replaceAll("\n")).replaceAll("\n\n")
                    .strip();
        }

        /** Writes what the node itself contributes; true when its children are to be written too. */
        private boolean enter(Node node) {
            if (node instanceof ListItem item) {
                startLine();
                pendingMarker = marker(item);
            } else if (node instanceof TableRow) {
                startLine();
                out.append(LineShapes.ROW);
            } else if (node instanceof TableCell && node.getPrevious() != null) {
                out.append(LineShapes.CELL);
            } else if (node instanceof Text text) {
                write(text.getLiteral());
            } else if (node instanceof Code code) {
                write(code.getLiteral());
            } else if (node instanceof SoftLineBreak && inListItem(node)) {
                out.append(' '); // an item wrapped in the source is still one line: its own segment
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append('\n');
            } else if (node instanceof Image) {
                // alt text and caption describe a picture, not the news
                return false;
            } else if (node instanceof Link) {
                return !(node.getFirstChild() instanceof Text first
                        && first.getLiteral().startsWith(PLUGIN_LINK_PREFIX));
            } else if (node instanceof HtmlInline html) {
                if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
                    out.append('\n');
                }
            } else if (node instanceof HtmlBlock html) {
                startBlock("\n\n");
                write(HtmlReader.text(Jsoup.parseBodyFragment(html.getLiteral()).body()));
            } else if (node instanceof FencedCodeBlock code) {
                startBlock("\n\n");
                write(code.getLiteral());
            } else if (node instanceof IndentedCodeBlock code) {
                startBlock("\n\n");
                write(code.getLiteral());
            } else if (node instanceof ThematicBreak) {
                startBlock("\n\n");
            } else if (node instanceof Block && node.getParent() != null && !(node.getParent() instanceof ListItem)) {
                // a paragraph, heading, quote or list of its own; inside a list item it continues the item's line
                startBlock("\n\n");
            }
            return true;
        }

        private static boolean inListItem(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ListItem) {
                    return true;
                }
            }
            return false;
        }

        /** A bullet, or the item's number in a numbered list (counted from the list's first number). */
        private static String marker(ListItem item) {
            if (!(item.getParent() instanceof OrderedList list)) {
                return LineShapes.BULLET;
            }
            int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node before = item.getPrevious(); before != null; before = before.getPrevious()) {
                number++;
            }
            return number + ". ";
        }

        private void write(String literal) {
            if (pendingMarker != null) {
                out.append(pendingMarker);
                pendingMarker = null;
            }
            out.append(literal);
        }

        /** A line break, unless the text is empty or already ends with one. */
        private void startLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void startBlock(String separator) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
        }
    }
}
