package org.medkg.pages;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.medkg.lang.Language;

/**
 * Picks the text to show from language-tagged literals: one in the page's language when there is one, else one
 * in another language (Russian, then English, then Kazakh, then untagged), the most frequent first so that the
 * spelling most documents agree on wins, ties broken alphabetically so pages are stable.
 */
final class Labels {
    private static final List<String> FALLBACK = List.of("ru", "en", "kk", "");

    /** One distinct text in one language. */
    record Tagged(String text, String tag) {
        static Tagged of(Node literal) {
            return new Tagged(literal.getLiteralLexicalForm(), primaryTag(literal));
        }
    }

    private Labels() {
    }

    /** The text to show from these literals (repeats count as votes); empty when there is no literal. */
    static Optional<String> best(Collection<Node> literals, Language language) {
        Map<Tagged, Long> votes = literals.stream().filter(Node::isLiteral).map(Tagged::of)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return votes.entrySet().stream()
                .min(Comparator.<Map.Entry<Tagged, Long>>comparingInt(vote -> rank(vote.getKey().tag(), language))
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                        .thenComparing(vote -> vote.getKey().text()))
                .map(vote -> vote.getKey().text());
    }

    /** The primary subtag of a literal's language ({@code ru} for {@code ru-RU}), empty when untagged. */
    static String primaryTag(Node literal) {
        return literal.getLiteralLanguage().split("-", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static int rank(String tag, Language language) {
        if (tag.equals(language.code())) {
            return 0;
        }
        int fallback = FALLBACK.indexOf(tag);
        return fallback < 0 ? FALLBACK.size() + 1 : fallback + 1;
    }
}
