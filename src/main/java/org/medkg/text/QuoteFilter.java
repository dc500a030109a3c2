package org.medkg.text;

/**
 * Double quotation marks become the guillemets the documents mostly use ({@code «Гематология орталығы»}), so an
 * organization name is quoted the same way whichever keyboard typed it. Low-9 {@code „} and typographic
 * {@code “ ”} and straight {@code "} quotes are mapped; whether a mark opens or closes is read from its
 * neighbours (an opening mark follows a space, a line start or an opening bracket). A title in single quotes
 * ({@code ‘Innovations in the Treatment of Heart Failure’}) is mapped too when its closing ’ is found on the line;
 * apostrophes stay. One character for one.
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
            } else if (c == '\u2018' && opens(chars, i)) {
                int close = closingSingleQuote(chars, i + 1);
                if (close > 0) {
                    chars[i] = '«';
                    chars[close] = '»';
                }
            }
        }
        return new String(chars);
    }

    /**
     * The ’ that closes a single-quoted title on the same line: one not followed by a letter, so the apostrophe
     * of "the Center’s" is passed over; -1 when there is none.
     */
    private static int closingSingleQuote(char[] chars, int from) {
        for (int j = from; j < chars.length && chars[j] != '\n'; j++) {
            if (chars[j] == '\u2019' && j > from && (j + 1 == chars.length || !Character.isLetter(chars[j + 1]))) {
                return j;
            }
        }
        return -1;
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
