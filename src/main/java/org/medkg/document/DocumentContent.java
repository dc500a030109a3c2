package org.medkg.document;

import java.time.LocalDate;

/** What a {@link DocumentReader} finds in a file: text to recognize, and the metadata the format carries. */
public record DocumentContent(String title, LocalDate published, String text) {
}
