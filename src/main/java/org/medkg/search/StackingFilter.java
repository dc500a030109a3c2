package org.medkg.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Keeps each token and stacks other readings of it at the same position, as synonyms are stacked: a query term
 * then matches any reading of an indexed word. Subclasses say which readings a word has.
 */
abstract class StackingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private AttributeSource.State current;

    StackingFilter(TokenStream input) {
        super(input);
    }

    /** Other readings of {@code word} (lower case), besides the word itself; may repeat it. */
    abstract List<String> readings(String word);

    @Override
    public final boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        for (String reading : readings(word)) {
            if (!reading.equals(word) && !pending.contains(reading)) {
                pending.add(reading);
            }
        }
        if (!pending.isEmpty()) {
            current = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }

    /** Whether the word is written in Cyrillic letters (the readings below only concern those). */
    static boolean isCyrillic(String word) {
        return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
