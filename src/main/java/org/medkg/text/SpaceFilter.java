package org.medkg.text;

/**
 * Every horizontal space character (no-break, narrow no-break, thin, em, ideographic, tab…) becomes a plain
 * space, and Windows or old Mac line ends become {@code \n}. Runs of spaces are left alone.
 */
public final class SpaceFilter implements TextFilter {

    @Override
    public String name() {
        return "space";
    }

    @Override
    public String apply(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().map(c -> c != '\n' && isHorizontalSpace(c) ? ' ' : c).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isHorizontalSpace(int c) {
        return c == '\t' || c == '\u000B' || c == '\u000C' || c == '\u0085' || Character.isSpaceChar(c)
                && c != '\u2028' && c != '\u2029';
    }
}
