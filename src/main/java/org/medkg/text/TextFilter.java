package org.medkg.text;

/** One normalization step over a whole text. Filters keep line breaks, so line and paragraph structure survives. */
public interface TextFilter {

    /** A stable name for logs and debugging. */
    String name();

    String apply(String text);
}
