package org.medkg.text;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A chain of {@link TextFilter}s applied in order, like a Lucene analyzer's filter chain. Every document reader's
 * title and text go through {@link #standard()} before language detection and recognition.
 */
public final class TextNormalizer {

    private static final TextNormalizer STANDARD = new TextNormalizer(List.of(
            MixedScriptFilter.intoLatin(),    // before composition: a combining accent belongs to its word
            new UnicodeCompositionFilter(),   // then: later filters compare single code points
            new InvisibleCharacterFilter(),
            new SpaceFilter(),
            new DashFilter(),
            new QuoteFilter(),
            MixedScriptFilter.intoCyrillic()));

    private final List<TextFilter> filters;

    public TextNormalizer(List<TextFilter> filters) {
        this.filters = List.copyOf(requireNonNull(filters, "filters"));
    }

    public static TextNormalizer standard() {
        return STANDARD;
    }

    public List<TextFilter> filters() {
        return filters;
    }

    public String normalize(String text) {
        String result = requireNonNull(text, "text");
        for (TextFilter filter : filters) {
            result = filter.apply(result);
        }
        return result;
    }
}
