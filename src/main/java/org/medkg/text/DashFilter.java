package org.medkg.text;

/**
 * Keeps three dashes with distinct jobs and maps every look-alike onto them: the hyphen-minus {@code -} inside
 * words ({@code Усть-Каменогорск}), the en dash {@code –} (ranges, list items in resolutions) and the em dash
 * {@code —} (punctuation). Unicode hyphens, non-breaking hyphens and the minus sign become {@code -}; the figure
 * dash becomes {@code –}; the horizontal bar becomes {@code —}; a hyphen standing alone between spaces is used as
 * a dash and becomes {@code —}. Each replacement is one character for one, so offsets do not move.
 */
public final class DashFilter implements TextFilter {

    @Override
    public String name() {
        return "dash";
    }

    @Override
    public String apply(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '\u2010', '\u2011', '\u2043', '\u2212', '\uFE63', '\uFF0D' -> '-';
                case '\u2012' -> '\u2013';
                case '\u2015' -> '\u2014';
                case '-' -> isSpace(chars, i - 1) && isSpace(chars, i + 1) ? '\u2014' : '-';
                default -> chars[i];
            };
        }
        return new String(chars);
    }

    private static boolean isSpace(char[] chars, int i) {
        return i >= 0 && i < chars.length && chars[i] == ' ';
    }
}
