package org.medkg.recognize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the recognizers' data files: UTF-8 text beside the classes, {@code #} starts a comment line, blank
 * lines are skipped, columns are separated by tabs. A missing file is a packaging bug and fails at once.
 */
public final class Lexicons {

    private Lexicons() {
    }

    /** The rows of a data file, each split into its tab-separated columns. */
    public static List<String[]> rows(Class<?> owner, String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data file missing from the class path: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.strip().split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
        return List.copyOf(rows);
    }

    /** The first column of every row. */
    public static List<String> words(Class<?> owner, String resource) {
        return rows(owner, resource).stream().map(row -> row[0]).toList();
    }
}
