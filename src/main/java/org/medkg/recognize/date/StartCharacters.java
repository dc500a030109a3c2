package org.medkg.recognize.date;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which of a list of patterns can match a text beginning with a given character, asked of the regex engine itself:
 * a pattern tried on the character alone that fails without reading past it ({@link Matcher#hitEnd()} false) can
 * match nothing that begins with it. The probe sees no text before the character, so a negative lookbehind at the
 * start passes there, as it may in the text; a positive one would fail, which is why {@link DateGrammar} allows none.
 * A surrogate stands for a character outside the probe's reach: every pattern is kept for it. Answers are
 * remembered by character.
 */
final class StartCharacters {

    private final List<Pattern> patterns;
    private final int[] all;
    private final Map<Character, int[]> byCharacter = new ConcurrentHashMap<>();

    StartCharacters(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.all = IntStream.range(0, patterns.size()).toArray();
    }

    /** The indexes, in the list's order, of the patterns whose match may begin with {@code c}. */
    int[] patternsStartingWith(char c) {
        return Character.isSurrogate(c) ? all : byCharacter.computeIfAbsent(c, this::probe);
    }

    private int[] probe(char c) {
        String alone = String.valueOf(c);
        return IntStream.range(0, patterns.size()).filter(i -> {
            Matcher matcher = patterns.get(i).matcher(alone);
            return matcher.lookingAt() || matcher.hitEnd();
        }).toArray();
    }
}
