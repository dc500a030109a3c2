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

/**
 * HTML pages. Title: {@code og:title} (the article's own title, without the site name {@code <title>} often
 * adds), else {@code <title>}, else the first {@code <h1>}. Date: {@code article:published_time}, a
 * {@code date}/{@code DC.date} meta, else the first {@code <time datetime>}. Text: the body without scripts,
 * styles, navigation, page header and footer; block elements become paragraphs, list items and {@code <br>}
 * separate lines.
 */
final class HtmlReader implements DocumentReader {

    private static final String NOT_CONTENT = "script, style, noscript, template, nav, header, footer";
    private static final Set<String> LINES = Set.of("li", "dt", "dd", "tr");
    private static final List<String> DATE_METAS = List.of(
            "meta[property=article:published_time]", "meta[name=date]", "meta[name=DC.date]",
            "meta[itemprop=datePublished]");

    @Override
    public DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException {
        Document html = Jsoup.parse(TextDecoding.decode(file, bytes));
        return new DocumentContent(title(html), published(html), text(html));
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

    private static String text(Document html) {
        Element body = html.body();
        body.select(NOT_CONTENT).remove();
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else {
                        separate(element, out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    separate(element, out);
                }
            }
        });
        return out.toString()
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    /** A list item or table row on its own line; any other block element a paragraph of its own. */
    private static void separate(Element element, StringBuilder out) {
        if (LINES.contains(element.normalName())) {
            endWith(out, "\n");
        } else if (element.isBlock()) {
            endWith(out, "\n\n");
        }
    }

    private static void endWith(StringBuilder out, String breaks) {
        int trailing = 0;
        while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        if (out.length() > 0 && trailing < breaks.length()) {
            out.append(breaks, trailing, breaks.length());
        }
    }
}
