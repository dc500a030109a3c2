package org.medkg.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The YAML header of a Grav page: a first line {@code ---}, YAML, a line {@code ---}, then the Markdown body.
 * Only {@code title} and {@code date} are used. Words like {@code yes}/{@code no}/{@code on} stay strings (a
 * title "No" is not the boolean false), and dates are strings parsed by {@link PublicationDates}.
 *
 * @param title     the page title, or null
 * @param published the page date, or null
 * @param body      the Markdown after the header
 */
record FrontMatter(String title, LocalDate published, String body) {

    private static final String DELIMITER = "---";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());

    /** True when the text opens with a front matter delimiter line. */
    static boolean startsWithFrontMatter(String text) {
        return text.startsWith(DELIMITER + "\n") || text.strip().equals(DELIMITER);
    }

    /** Splits off and reads the front matter; a text without one is all body. */
    static FrontMatter read(String file, String text) throws BadDocumentException {
        if (!startsWithFrontMatter(text)) {
            return new FrontMatter(null, null, text);
        }
        int start = DELIMITER.length() + 1;
        int end = closingDelimiter(text, start);
        if (end < 0) {
            throw new BadDocumentException(file, "front matter is not terminated: no closing '---' line");
        }
        String yaml = text.substring(start, end);
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        JsonNode header = parse(file, yaml);
        return new FrontMatter(title(header), date(file, header), body);
    }

    private static int closingDelimiter(String text, int from) {
        int lineStart = from;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            if (line.stripTrailing().equals(DELIMITER)) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static JsonNode parse(String file, String yaml) throws BadDocumentException {
        JsonNode header;
        try {
            header = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // +1: the opening '---' is line 1 of the file, the YAML starts on line 2.
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + 1;
            String problem = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new BadDocumentException(file, "front matter is not valid YAML"
                    + (line > 0 ? " (line " + line + ")" : "") + ": " + problem, e);
        }
        if (header == null || header.isMissingNode() || header.isNull()) {
            return YAML.createObjectNode();
        }
        if (!header.isObject()) {
            throw new BadDocumentException(file, "front matter is not a YAML mapping of keys to values");
        }
        return header;
    }

    private static String title(JsonNode header) {
        JsonNode title = header.get("title");
        if (title == null || !title.isValueNode() || title.isNull() || title.asText().isBlank()) {
            return null;
        }
        return title.asText().strip();
    }

    private static LocalDate date(String file, JsonNode header) throws BadDocumentException {
        JsonNode date = header.get("date");
        if (date == null || date.isNull()) {
            return null;
        }
        Optional<LocalDate> parsed = date.isValueNode() ? PublicationDates.parse(date.asText()) : Optional.empty();
        if (parsed.isEmpty()) {
            throw new BadDocumentException(file, "front matter date '" + date.asText()
                    + "' is not a date (expected like '25-05-2024 10:00' or '2024-05-25')");
        }
        return parsed.get();
    }
}
