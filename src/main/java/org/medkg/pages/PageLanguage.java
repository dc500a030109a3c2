package org.medkg.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medkg.lang.Language;

/**
 * The language a page is shown in: {@code ?lang=ru|kk|en} when the reader chose one, else the best match of the
 * browser's {@code Accept-Language}, else English.
 *
 * @param language the page's language
 * @param chosen whether the reader chose it with {@code ?lang=}, in which case links to other pages keep it
 */
public record PageLanguage(Language language, boolean chosen) {
    static final Language DEFAULT = Language.EN;

    private static final List<String> SUPPORTED = List.of(Language.values()).stream().map(Language::code).toList();

    /** Decides from the {@code lang} parameter and the {@code Accept-Language} header, either may be null. */
    public static PageLanguage of(String langParameter, String acceptLanguage) {
        Optional<Language> asked = supported(langParameter);
        if (asked.isPresent()) {
            return new PageLanguage(asked.get(), true);
        }
        return new PageLanguage(fromAcceptLanguage(acceptLanguage).orElse(DEFAULT), false);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language.code());
    }

    public String code() {
        return language.code();
    }

    private static Optional<Language> supported(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lower = code.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(lower) ? Optional.of(Language.fromCode(lower)) : Optional.empty();
    }

    private static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            // A browser's header we cannot read is no reason to refuse the page.
            return Optional.empty();
        }
        // Ranges come sorted by weight; the first that names one of ours (ru-RU counts as ru) wins.
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-", 2)[0];
            Optional<Language> language = supported(primary);
            if (language.isPresent() && range.getWeight() > 0) {
                return language;
            }
        }
        return Optional.empty();
    }
}
