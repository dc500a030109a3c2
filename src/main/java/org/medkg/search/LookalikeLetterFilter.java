package org.medkg.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.medkg.text.MixedScriptFilter;
import org.medkg.text.TextFilter;

/** Latin letters typed inside a Cyrillic word become the Cyrillic letters they stand for ({@code бiлiм}). */
final class LookalikeLetterFilter extends TokenFilter {

    private static final TextFilter LOOKALIKES = MixedScriptFilter.intoCyrillic();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LookalikeLetterFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        String fixed = LOOKALIKES.apply(word);
        if (!fixed.equals(word)) {
            term.setEmpty().append(fixed);
        }
        return true;
    }
}
