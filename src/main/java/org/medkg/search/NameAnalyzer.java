package org.medkg.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Turns a name, in Russian, Kazakh or English, in any case and either script, into the terms the name index
 * holds: {@code Клодзинского}, {@code Клодзинскиймен}, {@code Klodzinsky} and {@code Клодзинский} all give
 * {@code klodzinsk}. The same analyzer serves indexing and queries.
 *
 * <p>Some words get more than one term at one position (a dictionary lemma, a Kazakh stem), stacked like
 * synonyms: a query word matches a name word when any of their readings agree.
 */
public final class NameAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream chain = new LowerCaseFilter(words);
        chain = new LookalikeLetterFilter(chain);
        chain = new RussianLemmaFilter(chain);
        chain = new KazakhStemFilter(chain);
        chain = new RussianLightStemFilter(chain);
        chain = new ScriptKeyFilter(chain);
        chain = new NameEndingFilter(chain);
        chain = new RemoveDuplicatesTokenFilter(chain);
        return new TokenStreamComponents(words, chain);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
