package org.medkg.document;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
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
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Grav pages: YAML front matter ({@link FrontMatter}) and a CommonMark body turned into plain text. Paragraphs
 * and headings are separated by a blank line; list items and line breaks inside a paragraph stay separate lines,
 * because recognizers read enumerations line by line. Images, Grav shortcodes ({@code [owl-carousel …]},
 * {@code [/owl-carousel]}), Grav plugin embeds ({@code [plugin:youtube](…)}), the {@code ===} summary separator and
 * HTML tags are dropped; links keep their text.
 */
final class MarkdownReader implements DocumentReader {

    /** Grav's summary separator: a line of exactly three equals signs (else it would underline a heading). */
    private static final Pattern SUMMARY_SEPARATOR = Pattern.compile("(?m)^===[ \\t]*$");
    /** {@code [name attr=value …]}, {@code [name=value]}, {@code [name]} or {@code [/name]}, not a link. */
    private static final Pattern SHORTCODE =
            Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:[= ][^\\]\\n]*)?)\\](?![(\\[])");
    private static final String PLUGIN_LINK_PREFIX = "plugin:";
    private static final Parser PARSER = Parser.builder().build();

    @Override
    public DocumentContent read(String file, byte[] bytes) throws BadDocumentException {
        return readText(file, TextDecoding.decode(file, bytes));
    }

    /** For readers that find Markdown inside a file of another extension. */
    DocumentContent readText(String file, String text) throws BadDocumentException {
        FrontMatter page = FrontMatter.read(file, text.replace("\r\n", "\n"));
        String markdown = removeShortcodes(SUMMARY_SEPARATOR.matcher(page.body()).replaceAll(""));
        PlainTextWriter writer = new PlainTextWriter();
        PARSER.parse(markdown).accept(writer);
        return new DocumentContent(page.title(), page.published(), writer.text());
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

    /** Writes inline content as it comes; blocks are separated by a blank line, list items by a line break. */
    private static final class PlainTextWriter extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();

        String text() {
            return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }

        @Override
        protected void visitChildren(Node parent) {
            if (parent instanceof Block && !(parent instanceof ListItem) && parent.getParent() != null
                    && !(parent.getParent() instanceof ListItem)) {
                startBlock("\n\n");
            }
            super.visitChildren(parent);
        }

        @Override
        public void visit(ListItem listItem) {
            startBlock("\n");
            super.visitChildren(listItem);
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(Image image) {
            // alt text and caption describe a picture, not the news
        }

        @Override
        public void visit(Link link) {
            if (!(link.getFirstChild() instanceof Text first && first.getLiteral().startsWith(PLUGIN_LINK_PREFIX))) {
                super.visit(link);
            }
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            if (htmlInline.getLiteral().matches("(?i)<br\\s*/?>")) {
                out.append('\n');
            }
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            startBlock("\n\n");
            out.append(Jsoup.parse(htmlBlock.getLiteral()).text());
        }

        @Override
        public void visit(FencedCodeBlock codeBlock) {
            startBlock("\n\n");
            out.append(codeBlock.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock codeBlock) {
            startBlock("\n\n");
            out.append(codeBlock.getLiteral());
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            startBlock("\n\n");
        }

        private void startBlock(String separator) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
        }
    }
}
