package org.medkg.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkg.lang.Language;
import org.medkg.recognize.Recognizer;
import org.medkg.text.DataLines;

/** Degrees, academic titles and positions written next to a name ({@code person-attributes.tsv}). */
final class PersonAttributes {

    /**
     * One entry: the phrase as written (lower case), its kind (degree, title, position) and, for degrees and titles,
     * the normal form; a position is kept as written.
     */
    record Attribute(String phrase, String kind, String normal) {
        /** The graph's property for this kind. */
        String property() {
            return switch (kind) {
                case "degree" -> "degree";
                case "title" -> "academicTitle";
                default -> "position";
            };
        }
    }

    private final Map<Language, List<Attribute>> byLanguage = new HashMap<>();

    PersonAttributes() {
        for (String[] row : DataLines.rows(Recognizer.class, "person-attributes.tsv")) {
            byLanguage.computeIfAbsent(Language.fromCode(row[0]), k -> new ArrayList<>())
                    .add(new Attribute(row[1], row[2], row.length > 3 ? row[3] : null));
        }
        // Longest first, so that медицинский директор is read before директор.
        byLanguage.values().forEach(list -> list.sort(Comparator.comparingInt((Attribute a) -> -a.phrase().length())));
    }

    /** The entries of a language, longest phrase first. */
    List<Attribute> of(Language language) {
        return byLanguage.getOrDefault(language, List.of());
    }

    /** A text that opens with a degree, title or position (генеральный директор, Prof.). */
    boolean opens(Language language, String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return of(language).stream().anyMatch(a -> DocumentAnalyzer.wordStartIndex(lower, a.phrase()) == 0);
    }
}
