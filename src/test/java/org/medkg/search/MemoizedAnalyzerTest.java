package org.medkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Names indexed through the memo give the index what the name analyzer gives, the first time and every time after. */
class MemoizedAnalyzerTest {

    /** Names as the hemcenter articles and the seeds write them (ru, kk, en), with stacked readings among them. */
    private static final List<String> NAMES = List.of(
            "Антон Анатольевич Клодзинский",
            "Антоном Анатольевичем Клодзинским",
            "Гематология орталығының қызметкерлері",
            "Қарағандыдағы амбулаториялық қабылдау",
            "Kemaikin Vadim",
            "Национальный научный центр гематологии и трансплантологии");

    private final NameAnalyzer analyzer = new NameAnalyzer();

    @Test
    void aNameAnalyzedOnceIsReplayedAsTheAnalyzerGivesIt() {
        assertEveryRoundAsAnalyzed(new MemoizedAnalyzer(analyzer, 100), 3);
        assertTrue(tokens(analyzer, NAMES.get(1)).stream().anyMatch(token -> token.endsWith("+0")),
                "a stacked reading among the names: " + tokens(analyzer, NAMES.get(1)));
    }

    @Test
    void namesForgottenForRoomAreAnalyzedAgainTheSame() {
        assertEveryRoundAsAnalyzed(new MemoizedAnalyzer(analyzer, 2), 2);
    }

    /** Every name, round after round, gives through the memo the tokens the analyzer gives. */
    private void assertEveryRoundAsAnalyzed(MemoizedAnalyzer memoized, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (String name : NAMES) {
                assertEquals(tokens(analyzer, name), tokens(memoized, name), name + ", round " + round);
            }
        }
    }

    /** Each token as term, offsets and position increment. */
    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneNameIndex.NAME_FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+"
                        + increment.getPositionIncrement());
            }
            stream.end();
            tokens.add("end@" + offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
