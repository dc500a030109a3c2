package org.medkg.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.text.LineShapes;

/**
 * Title and date of an unwrapped plain text, which carries no metadata. Resolutions and reports have a heading: a
 * paragraph of a few short lines that are not sentences ({@code РЕЗОЛЮЦИЯ* / Заседания … / г. Алматы (Казахстан)
 * 19.09.2024}). The title is that heading without its place-and-date line and footnote marks; the date is the
 * first full date ({@code 19.09.2024}, {@code 2024-09-19}) in the heading, else in the whole text.
 */
final class PlainTextMetadata {

    private static final int HEADING_LINE_MAX = 100;
    private static final int HEADING_LINES_MAX = 5;
    private static final Pattern FULL_DATE =
            Pattern.compile("(?<![\\d.])(?:\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2})(?![\\d.]\\d)");
    private static final Pattern FOOTNOTE_MARKS = Pattern.compile("\\*+$");

    private PlainTextMetadata() {
    }

    static DocumentContent of(String text) {
        List<String> heading = heading(text);
        LocalDate date = firstDate(String.join("\n", heading)).or(() -> firstDate(text)).orElse(null);
        List<String> titleLines = new ArrayList<>();
        for (String line : heading) {
            if (!FULL_DATE.matcher(line).find()) {
                titleLines.add(FOOTNOTE_MARKS.matcher(line).replaceAll("").strip());
            }
        }
        String title = titleLines.isEmpty() ? null : String.join(" ", titleLines);
        return new DocumentContent(title, date, text);
    }

    private static List<String> heading(String text) {
        for (String paragraph : text.split("\n\n")) {
            List<String> lines = paragraph.strip().lines().toList();
            if (!lines.isEmpty() && lines.size() <= HEADING_LINES_MAX
                    && lines.stream().allMatch(PlainTextMetadata::isHeadingLine)) {
                return lines;
            }
        }
        return List.of();
    }

    private static boolean isHeadingLine(String line) {
        return line.length() <= HEADING_LINE_MAX && !line.endsWith(".") && !line.endsWith(",")
                && !line.endsWith(";") && !LineShapes.isListItem(line);
    }

    private static Optional<LocalDate> firstDate(String text) {
        Matcher date = FULL_DATE.matcher(text);
        while (date.find()) {
            Optional<LocalDate> parsed = PublicationDates.parse(date.group());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }
}
