package org.medkg.search;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;

/**
 * Stacks the stems a Kazakh word may have once its case, possessive and plural suffixes are off:
 * {@code клодзинскиймен} also reads {@code клодзинский}, {@code қарағандыда} also {@code қарағанды}. Words the
 * Russian dictionary knows are Russian and keep their endings ({@code антонина} is not {@code антони} + на).
 */
final class KazakhStemFilter extends StackingFilter {

    KazakhStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    List<String> readings(String word) {
        if (!isCyrillic(word) || !RussianMorphology.get().analyze(word).isEmpty()) {
            return List.of();
        }
        return KazakhMorphology.get().stems(word);
    }
}
