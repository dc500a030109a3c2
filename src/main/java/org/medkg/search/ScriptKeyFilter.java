package org.medkg.search;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.medkg.resolve.Transliteration;

/**
 * Replaces a word, in whatever script, by its spelling-neutral Latin key ({@link Transliteration#key}): Kazakh
 * letters fold to their nearest Latin ones, and {@code клодзинск} and {@code klodzinsk} become one term. A word
 * with no letters or digits left is dropped.
 */
final class ScriptKeyFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ScriptKeyFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        String key = Transliteration.key(term.toString());
        term.setEmpty().append(key);
        return !key.isEmpty();
    }
}
