package org.medkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into tokens, keeping offsets. Words keep inner hyphens and apostrophes
 * ({@code Усть-Каменогорск}, {@code врачей-гематологов}); an initial keeps its dot ({@code И.}) so that names
 * with initials read as tokens; numbers keep inner dots ({@code 19.09.24}).
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(?:Zh|Ch|Sh|Kh|Ts|Yu|Ya|Yo|Ye|\\p{Lu})\\."  // an initial: И., Zh.
            + "|\\p{L}[\\p{L}\\p{M}\\d]*(?:['’-]\\p{L}[\\p{L}\\p{M}\\d]*)*"  // a word
            + "|\\d+(?:[.,:]\\d+)*"                           // a number or a date like 19.09.24
            + "|\\S");                                        // punctuation

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end(), tokens.size()));
        }
        return List.copyOf(tokens);
    }
}
