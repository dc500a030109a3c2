package org.medkg.text;

/**
 * Removes characters that print as nothing but split words for a matcher: soft hyphens, zero-width spaces and
 * joiners, word joiners and byte-order marks.
 */
public final class InvisibleCharacterFilter implements TextFilter {

    @Override
    public String name() {
        return "invisible";
    }

    @Override
    public String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isInvisible(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean isInvisible(int c) {
        return c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }
}
