package org.medkg.text;

/**
 * Double quotation marks become the guillemets the documents mostly use ({@code «Гематология орталығы»}), so an
 * organization name is quoted the same way whichever keyboard typed it. Low-9 {@code „} and typographic
 * {@code “ ”} and straight {@code "} quotes are mapped; whether a mark opens or closes is read from its
 * neighbours (an opening mark follows a space, a line start or an opening bracket). One character for one.
 */
public final class QuoteFilter implements TextFilter {

    @Override
    public String name() {
        return "quote";
    }

    @Override
    public String apply(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\u201E' || c == '\u201C' || c == '\u201D' || c == '\u201F' || c == '"') {
                chars[i] = opens(chars, i) ? '«' : '»';
            }
        }
        return new String(chars);
    }

    private static boolean opens(char[] chars, int i) {
        if (chars[i] == '\u201E') {
            return true;
        }
        boolean afterBoundary = i == 0 || Character.isWhitespace(chars[i - 1]) || "([{«-—–/".indexOf(chars[i - 1]) >= 0;
        boolean beforeWord = i + 1 < chars.length && !Character.isWhitespace(chars[i + 1]);
        return afterBoundary && beforeWord;
    }
}
