package org.medkg.search;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The character trigrams by which the name index answers "whose name contains this fragment": the saved queries
 * match a fragment as a substring of a name, both lower-cased with ё read as е, and every trigram of such a
 * substring is a trigram of the name. So the names holding all the fragment's trigrams include every name that
 * contains it (and a few that only hold its pieces apart, which the query's own {@code CONTAINS} drops).
 */
public final class NameGrams {
    /** Characters per gram: a shorter fragment has no gram, and is left to the query's scan. */
    public static final int LENGTH = 3;

    private NameGrams() {
    }

    /**
     * A name or fragment as the saved queries compare them: {@code REPLACE(LCASE(STR(?name)), "ё", "е")}. Lower-cased
     * as Jena's {@code LCASE} does, in the default locale, so that the grams are those of the very string compared.
     */
    public static String normalize(String text) {
        return requireNonNull(text, "text").toLowerCase().replace('ё', 'е');
    }

    /** The distinct trigrams of the normalized text, spaces and punctuation included, in the order they come. */
    public static Set<String> of(String text) {
        String normalized = normalize(text);
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + LENGTH <= normalized.length(); i++) {
            grams.add(normalized.substring(i, i + LENGTH));
        }
        return grams;
    }
}
