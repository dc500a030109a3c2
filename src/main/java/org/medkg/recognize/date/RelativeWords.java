package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medkg.text.DataLines;

/**
 * Words that date something relative to the publication date ({@code relative-dates.txt}): вчера, в этом году,
 * мая этого года, биылғы, в прошлую пятницу. Gives the grammar a pattern for each unit and position, and the
 * interpreter the offset of a matched phrase.
 */
public final class RelativeWords {

    /** What a phrase counts: days, months, years, or (before a weekday) weeks. */
    public enum Unit { DAY, MONTH, YEAR, WEEK }

    /** Where a phrase stands: as a date by itself, after a day or month it completes, or before one. */
    public enum Position { ALONE, AFTER, BEFORE }

    private static final RelativeWords STANDARD = load();

    private final Map<Unit, Map<String, Integer>> offsets;
    private final Map<String, List<String>> phrases;

    private RelativeWords(Map<Unit, Map<String, Integer>> offsets, Map<String, List<String>> phrases) {
        this.offsets = offsets;
        this.phrases = phrases;
    }

    public static RelativeWords standard() {
        return STANDARD;
    }

    /** A regular expression (no groups) matching the phrases of a unit at a position; never matching when none. */
    public String pattern(Unit unit, Position position) {
        return WordTrie.pattern(phrases.getOrDefault(unit + " " + position, List.of()));
    }

    /** The offset of a phrase the pattern of this unit matched, or null when it is none of the unit's. */
    public Integer offset(Unit unit, String matched) {
        return offsets.get(unit).get(normal(matched));
    }

    private static String normal(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    private static RelativeWords load() {
        Map<Unit, Map<String, Integer>> offsets = new HashMap<>();
        for (Unit unit : Unit.values()) {
            offsets.put(unit, new HashMap<>());
        }
        Map<String, List<String>> phrases = new HashMap<>();
        for (DataLines.Line line : DataLines.read(RelativeWords.class, "relative-dates.txt")) {
            String[] columns = line.text().split("\t");
            if (columns.length != 5) {
                throw line.error("expected: unit, offset, position, language, phrase (tab-separated)");
            }
            Unit unit;
            Position position;
            int offset;
            try {
                unit = Unit.valueOf(columns[0].toUpperCase(Locale.ROOT));
                position = Position.valueOf(columns[2].toUpperCase(Locale.ROOT));
                offset = Integer.parseInt(columns[1]);
            } catch (IllegalArgumentException e) {
                throw line.error("unknown unit or position, or an offset that is no number");
            }
            if (unit == Unit.WEEK && position != Position.BEFORE || unit != Unit.YEAR && unit != Unit.WEEK
                    && position != Position.ALONE) {
                throw line.error("days and months stand alone, weeks before a weekday");
            }
            if (!Set.of("ru", "kk", "en").contains(columns[3])) {
                throw line.error("unknown language " + columns[3]);
            }
            String phrase = normal(columns[4]);
            Integer earlier = offsets.get(unit).putIfAbsent(phrase, offset);
            if (earlier != null && earlier != offset) {
                throw line.error("the phrase has another offset above");
            }
            phrases.computeIfAbsent(unit + " " + position, k -> new ArrayList<>()).add(phrase);
        }
        return new RelativeWords(Map.copyOf(offsets), Map.copyOf(phrases));
    }
}
