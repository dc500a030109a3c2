package org.medkg.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the commented UTF-8 data files that hold lexicons and grammars: a line whose first non-blank character
 * is {@code #} is a comment, so is everything after {@code " #"}; blank lines are skipped. A missing resource is a
 * packaging bug and fails at once.
 */
public final class DataLines {

    /** One meaningful line of a data file, with its 1-based line number for error messages. */
    public record Line(String resource, int number, String text) {
        /** An error naming the file and line, for entries that do not follow the file's format. */
        public IllegalStateException error(String problem) {
            return new IllegalStateException(resource + ":" + number + ": " + problem + ": " + text);
        }
    }

    private DataLines() {
    }

    /** The lines of a class-path resource, {@code resource} relative to {@code anchor}'s package or absolute. */
    public static List<Line> read(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("data file missing from the class path: " + resource
                    + " (next to " + anchor.getName() + ")");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                String text = stripComment(raw).strip();
                if (!text.isEmpty()) {
                    lines.add(new Line(resource, number, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
        return List.copyOf(lines);
    }

    /** The entries of a data file that holds one entry a line. */
    public static List<String> entries(Class<?> anchor, String resource) {
        return read(anchor, resource).stream().map(Line::text).toList();
    }

    /** The rows of a data file whose columns are separated by tabs. */
    public static List<String[]> rows(Class<?> anchor, String resource) {
        return read(anchor, resource).stream().map(line -> line.text().split("\t")).toList();
    }

    private static String stripComment(String raw) {
        if (raw.strip().startsWith("#")) {
            return "";
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment);
    }
}
