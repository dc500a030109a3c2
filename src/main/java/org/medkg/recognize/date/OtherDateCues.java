package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medkg.text.DataLines;

/**
 * The words of {@code not-event-date-cues.txt} that make a date the date of something other than an event: a
 * deadline, a birth, a founding, a target, a year's results, a document's validity.
 */
public final class OtherDateCues {

    /** How far before or after a date its cue may start or end (a cue stays inside the date's sentence). */
    private static final int WINDOW = 80;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\\n](?=\\s)");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private record Cue(String kind, boolean before, Pattern pattern) {
    }

    private static final OtherDateCues STANDARD = load();

    private final List<Cue> cues;

    private OtherDateCues(List<Cue> cues) {
        this.cues = List.copyOf(cues);
    }

    public static OtherDateCues standard() {
        return STANDARD;
    }

    /** What the date at [start, end) of the text is of, when the words around it say so; else null. */
    public String kindOf(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - WINDOW), start);
        Matcher sentenceEnd = SENTENCE_END.matcher(before);
        int cut = 0;
        while (sentenceEnd.find()) {
            cut = sentenceEnd.end();
        }
        before = before.substring(cut);
        String after = text.substring(end, Math.min(text.length(), end + WINDOW));
        for (Cue cue : cues) {
            Matcher matcher = cue.pattern().matcher(cue.before() ? before : after);
            if (cue.before() ? matcher.find() : matcher.lookingAt()) {
                return cue.kind();
            }
        }
        return null;
    }

    private static OtherDateCues load() {
        List<Cue> cues = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(OtherDateCues.class, "not-event-date-cues.txt")) {
            String[] columns = line.text().split("\t");
            if (columns.length != 4 || !Set.of("before", "after").contains(columns[1])) {
                throw line.error("expected: kind, before|after, language, regex (tab-separated)");
            }
            boolean before = columns[1].equals("before");
            try {
                Pattern pattern = Pattern.compile(before ? "(?<!\\p{L})(?:" + columns[3] + ")[\\s:,–—-]*$"
                        : "[\\s,]*(?:" + columns[3] + ")", FLAGS);
                cues.add(new Cue(columns[0], before, pattern));
            } catch (PatternSyntaxException e) {
                throw line.error("bad regular expression (" + e.getDescription() + ")");
            }
        }
        return new OtherDateCues(cues);
    }
}
