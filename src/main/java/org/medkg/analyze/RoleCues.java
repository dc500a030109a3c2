package org.medkg.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medkg.lang.Language;
import org.medkg.recognize.Recognizer;
import org.medkg.text.DataLines;

/**
 * The words that tell the role of a person or organization in an event ({@code role-cues.tsv}): where they stand
 * in a sentence, a list's label or a table's header, and which role each tells.
 */
final class RoleCues {

    /** A role cue found in a text: where it starts and the role it tells. */
    record Cue(int at, String role) {
    }

    /** Roles that say nothing of who takes part in an event: the honoured, and the place a clause opens at. */
    private static final Set<String> ASIDE = Set.of("absent", "place");

    private final Map<Language, List<String[]>> cues = new HashMap<>();

    RoleCues() {
        for (String[] row : DataLines.rows(Recognizer.class, "role-cues.tsv")) {
            cues.computeIfAbsent(Language.fromCode(row[0]), k -> new ArrayList<>()).add(row);
        }
    }

    /**
     * Every cue in a lower-case text from an offset on, in text order; at one place, in the file's order. A cue
     * inside a longer one is the longer one's word (өтті, held, in өмірден өтті, passed away).
     */
    List<Cue> in(Language language, String lower, int from) {
        record Found(Cue cue, int end) {
            boolean inside(Found other) {
                return other.cue.at() <= cue.at() && other.end >= end && other.end - other.cue.at() > end - cue.at();
            }
        }
        List<Found> found = new ArrayList<>();
        for (String[] cue : cues.getOrDefault(language, List.of())) {
            for (int at = DocumentAnalyzer.wordStartIndex(lower, cue[1], Math.min(from, lower.length())); at >= 0;
                 at = DocumentAnalyzer.wordStartIndex(lower, cue[1], at + 1)) {
                found.add(new Found(new Cue(at, cue[2]), at + cue[1].length()));
            }
        }
        return found.stream().filter(f -> found.stream().noneMatch(f::inside)).map(Found::cue)
                .sorted(Comparator.comparingInt(Cue::at)).toList();
    }

    /** Whether a text holds a cue of the role (case aside). */
    boolean has(Language language, String text, String role) {
        return in(language, text.toLowerCase(Locale.ROOT), 0).stream().anyMatch(cue -> cue.role().equals(role));
    }

    /** Role name → offset of its first cue in a text (the honoured, {@code absent}, and a {@code place} aside). */
    Map<String, Integer> roles(Language language, String text) {
        Map<String, Integer> found = new LinkedHashMap<>();
        in(language, text.toLowerCase(Locale.ROOT), 0).stream().filter(cue -> !ASIDE.contains(cue.role()))
                .forEach(cue -> found.putIfAbsent(cue.role(), cue.at()));
        return found;
    }

    /** The role of the cue that starts last in a lower-case text (the first listed, of two at one place), or null. */
    String lastRole(Language language, String lower) {
        List<Cue> found = in(language, lower, 0);
        if (found.isEmpty()) {
            return null;
        }
        int last = found.get(found.size() - 1).at();
        return found.stream().filter(cue -> cue.at() == last).findFirst().orElseThrow().role();
    }

    /**
     * The role a person takes in the event when a text such as a list's label or a table's header names it: the
     * first cue for a person (Спикеры, Докладчики, Участники, Модераторы…); one responsible for the event
     * organizes it. Null when the text names no role of a person.
     */
    String personRole(Language language, String text) {
        for (Cue cue : in(language, text.toLowerCase(Locale.ROOT), 0)) {
            switch (cue.role()) {
                case "speaker", "participant" -> {
                    return cue.role();
                }
                case "in-charge" -> {
                    return "organizer";
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** The role an organization takes when a text such as a list's label names it: organizer or sponsor, or null. */
    String organizationRole(Language language, String text) {
        for (Cue cue : in(language, text.toLowerCase(Locale.ROOT), 0)) {
            if (cue.role().equals("organizer") || cue.role().equals("sponsor")) {
                return cue.role();
            }
        }
        return null;
    }
}
