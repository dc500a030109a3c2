package org.medkg.text;

import java.util.List;

/** Quotation marks around names and titles: «Центр гематологии», “Hematology Center”, "…". */
public final class Quotes {

    private Quotes() {
    }

    public static boolean isOpening(Token t) {
        return t.is("«") || t.is("“") || t.is("„") || t.is("\"");
    }

    public static boolean isClosing(Token t) {
        return t.is("»") || t.is("”") || t.is("\"");
    }

    /** The token that closes the quote opened at {@code open}, looking at most {@code reach} tokens on, or -1. */
    public static int closing(List<Token> tokens, int open, int reach) {
        int depth = 0;
        for (int j = open + 1; j < tokens.size() && j < open + reach; j++) {
            Token t = tokens.get(j);
            if (t.is("«")) {
                depth++;
            } else if (isClosing(t) || t.is("“") && !tokens.get(open).is("“")) {
                if (depth-- == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    /** The token that opened the quote closed at {@code close}, looking at most {@code reach} tokens back, or -1. */
    public static int opening(List<Token> tokens, int close, int reach) {
        for (int j = close - 1; j >= 0 && j > close - reach; j--) {
            if (isOpening(tokens.get(j))) {
                return j;
            }
        }
        return -1;
    }
}
