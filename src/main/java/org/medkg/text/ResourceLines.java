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
 * Reads a data file from the class path: UTF-8, one entry a line, {@code #} starts a comment (whole line or
 * the rest of a line), blank lines ignored. A missing file is a packaging bug and fails loudly.
 */
public final class ResourceLines {

    private ResourceLines() {
    }

    /** The entries of {@code name}, resolved against {@code owner}'s package, trimmed, comments removed. */
    public static List<String> load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("data file missing from the class path: " + name
                        + " (next to " + owner.getName() + ")");
            }
            List<String> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + name, e);
        }
    }
}
