package org.medkg.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.medkg.text.LineShapes;

/**
 * HTML pages. Title: {@code og:title} (the article's own title, without the site name {@code <title>} often
 * adds), else {@code <title>}, else the first {@code <h1>}. Date: {@code article:published_time}, a
 * {@code date}/{@code DC.date} meta, else the first {@code <time datetime>}. Text: the body without scripts,
 * styles, navigation, page header and footer; block elements become paragraphs, list items and {@code <br>}
 * separate lines. A list item keeps a marker ({@code • }, or its number in an {@code <ol>}); a table row is a line
 * of cells ({@link LineShapes}), and what a cell holds stays on that line.
 */
final class HtmlReader implements DocumentReader {

    private static final String NOT_CONTENT = "script, style, noscript, template, nav, header, footer";
    /** Each on a line of its own; the row groups of a table too, so that a table is one paragraph. */
    private static final Set<String> LINES = Set.of("li", "dt", "dd", "tr", "thead", "tbody", "tfoot");
    private static final Set<String> CELLS = Set.of("td", "th");
    /** Elements whose own blank text (the line breaks between rows, cells and items) is only layout. */
    private static final Set<String> LAYOUT = Set.of("table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl");
    private static final List<String> DATE_METAS = List.of(
            "meta[property=article:published_time]", "meta[name=date]", "meta[name=DC.date]",
            "meta[itemprop=datePublished]");

    @Override
    public DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException {
        Document html = Jsoup.parse(TextDecoding.decode(file, bytes));
        return new DocumentContent(title(html), published(html), text(html.body()));
    }

    private static String title(Document html) {
        return firstNonBlank(html.selectFirst("meta[property=og:title]"), "content")
                .or(() -> Optional.of(html.title()).filter(t -> !t.isBlank()))
                .or(() -> Optional.ofNullable(html.selectFirst("h1")).map(Element::text).filter(t -> !t.isBlank()))
                .map(String::strip)
                .orElse(null);
    }

    private static LocalDate published(Document html) {
        for (String meta : DATE_METAS) {
            Optional<LocalDate> date = firstNonBlank(html.selectFirst(meta), "content").flatMap(PublicationDates::parse);
            if (date.isPresent()) {
                return date.get();
            }
        }
        return firstNonBlank(html.selectFirst("time[datetime]"), "datetime").flatMap(PublicationDates::parse)
                .orElse(null);
    }

    private static Optional<String> firstNonBlank(Element element, String attribute) {
        return Optional.ofNullable(element).map(e -> e.attr(attribute)).filter(value -> !value.isBlank());
    }

    /** The text of a page's body, or of an HTML block inside a Markdown page, laid out as the class says. */
    static String text(Element body) {
        body.select(NOT_CONTENT).remove();
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            /** How many table cells enclose the node: inside one, breaks become spaces so the row stays a line. */
            private int cellDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (!(text.isBlank() && node.parent() instanceof Element parent && LAYOUT.contains(parent.normalName()))) {
                        out.append(text.text());
                    }
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (CELLS.contains(name)) {
                        if (cellDepth == 0) {
                            stripTrailingSpaces(out);
                            out.append(firstCell(element) ? LineShapes.ROW : LineShapes.CELL);
                        }
                        cellDepth++;
                    } else if (cellDepth > 0) {
                        separateInCell(element, out);
                    } else if (name.equals("br")) {
                        out.append('\n');
                    } else {
                        separate(element, out);
                        if (name.equals("li")) {
                            out.append(marker(element));
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (CELLS.contains(element.normalName())) {
                        cellDepth--;
                    } else if (cellDepth > 0) {
                        separateInCell(element, out);
                    } else {
                        separate(element, out);
                    }
                }
            }
        });
        return out.toString()
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    /** The first cell of its row (text nodes and other elements before it aside). */
    private static boolean firstCell(Element cell) {
        for (Element before = cell.previousElementSibling(); before != null; before = before.previousElementSibling()) {
            if (CELLS.contains(before.normalName())) {
                return false;
            }
        }
        return true;
    }

    /** A bullet, or the item's number in an {@code <ol>} (from its {@code start}). */
    private static String marker(Element item) {
        Element list = item.parent();
        if (list == null || !list.normalName().equals("ol")) {
            return LineShapes.BULLET;
        }
        int number = list.attr("start").matches("\\d{1,4}") ? Integer.parseInt(list.attr("start")) : 1;
        for (Element before = item.previousElementSibling(); before != null; before = before.previousElementSibling()) {
            if (before.normalName().equals("li")) {
                number++;
            }
        }
        return number + ". ";
    }

    /** A list item or table row on its own line; any other block element a paragraph of its own. */
    private static void separate(Element element, StringBuilder out) {
        if (LINES.contains(element.normalName())) {
            endWith(out, "\n");
        } else if (element.isBlock()) {
            endWith(out, "\n\n");
        }
    }

    /** Inside a table cell a block or a line break is only a space between words. */
    private static void separateInCell(Element element, StringBuilder out) {
        if ((element.isBlock() || element.normalName().equals("br")) && !out.isEmpty()
                && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
    }

    private static void stripTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
        }
    }

    private static void endWith(StringBuilder out, String breaks) {
        stripTrailingSpaces(out);
        int trailing = 0;
        while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        if (out.length() > 0 && trailing < breaks.length()) {
            out.append(breaks, trailing, breaks.length());
        }
    }
}
