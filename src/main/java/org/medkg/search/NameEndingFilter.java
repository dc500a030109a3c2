package org.medkg.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops the vowels a Latin key ends with. Russian stemming takes the endings off Cyrillic words
 * ({@code клодзинский} → {@code клодзинск}), but romanized names keep theirs in every spelling ({@code Klodzinsky},
 * {@code Klodzinskiy}, {@code Klodzinskii}, {@code Klodzinskaya}); their keys end in vowels
 * ({@code klodzinski}, {@code klodzinska}), so dropping those meets the stem. Surnames in -ых/-их lose that
 * ending to the stemmer ({@code фоминых} → {@code фомин}) but keep it romanized ({@code Fominykh}, key
 * {@code fominih}), so a key's final {@code ih} goes too. A key keeps at least {@value #MIN_LENGTH} letters.
 */
final class NameEndingFilter extends TokenFilter {

    static final int MIN_LENGTH = 2;
    private static final String VOWELS = "aeiou";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NameEndingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (length > MIN_LENGTH + 2 && term.charAt(length - 2) == 'i' && term.charAt(length - 1) == 'h') {
            length -= 2;
        }
        while (length > MIN_LENGTH && VOWELS.indexOf(term.charAt(length - 1)) >= 0) {
            length--;
        }
        term.setLength(length);
        return true;
    }
}
