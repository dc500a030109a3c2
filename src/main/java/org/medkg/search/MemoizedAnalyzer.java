package org.medkg.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An analyzer for indexing that analyzes each distinct text once and replays its terms when the text comes again.
 * The name index holds one Lucene document per entity, predicate and name, and the same text comes again as a
 * label and an alternative label, or as the name of several entities: the first 2.7 M quads of the benchmark's 1,000
 * copies state 91,996 distinct names in 50,929 distinct texts. Loading them into a fresh store, the name index's
 * thread spent 4.4-4.5 s of CPU with this analyzer and 5.3-5.9 s without it.
 *
 * <p>What is replayed is what Lucene's indexing reads of a token: its term, position increment and offsets. The
 * most recently used texts are kept, at most {@code capacity}.
 */
final class MemoizedAnalyzer extends Analyzer {

    /** One token as the index sees it. */
    private record Token(String term, int positionIncrement, int start, int end) {
    }

    private final Analyzer analyzer;
    private final Map<String, List<Token>> memo;

    MemoizedAnalyzer(Analyzer analyzer, int capacity) {
        this.analyzer = requireNonNull(analyzer, "analyzer");
        this.memo = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Token>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Replay replay = new Replay(fieldName);
        return new TokenStreamComponents(replay);
    }

    private List<Token> tokens(String fieldName, String text) {
        String key = fieldName + '\u0000' + text;
        synchronized (memo) {
            List<Token> known = memo.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Token> tokens = analyze(fieldName, text);
        synchronized (memo) {
            memo.put(key, tokens);
        }
        return tokens;
    }

    private List<Token> analyze(String fieldName, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(fieldName, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(), offset.startOffset(),
                        offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze the name " + text, e);
        }
        return List.copyOf(tokens);
    }

    /** Reads the whole text, then gives its tokens, analyzed now or remembered. */
    private final class Replay extends Tokenizer {
        private final String fieldName;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private List<Token> tokens = List.of();
        private int next;

        Replay(String fieldName) {
            this.fieldName = fieldName;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            char[] buffer = new char[256];
            for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
                text.append(buffer, 0, read);
            }
            tokens = tokens(fieldName, text.toString());
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            Token token = tokens.get(next++);
            term.setEmpty().append(token.term());
            increment.setPositionIncrement(token.positionIncrement());
            offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(text.length());
            offset.setOffset(last, last);
        }
    }
}
