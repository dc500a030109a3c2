package org.medkg.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.medkg.lang.ru.RussianMorphology;

/**
 * Stacks the dictionary lemmas of a Russian word form: {@code павла} also reads {@code павел}, which stemming
 * alone cannot find (the vowel drops out). Words the dictionary does not know are left alone.
 */
final class RussianLemmaFilter extends StackingFilter {

    RussianLemmaFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<String> readings(String word) {
        if (!isCyrillic(word)) {
            return List.of();
        }
        return RussianMorphology.get().analyze(word).stream()
                .map(analysis -> analysis.lemma().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
