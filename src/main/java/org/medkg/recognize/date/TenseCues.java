package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medkg.text.DataLines;

/**
 * Whether a sentence reports or announces, by the words of {@code tense-cues.txt}: a future cue anywhere wins
 * (будет проведена holds a past participle), else a past cue.
 */
public final class TenseCues {

    /** What a sentence does with the time it speaks of. */
    public enum Tense { PAST, FUTURE, UNKNOWN }

    private static final TenseCues STANDARD = load();

    private final Pattern past;
    private final Pattern future;

    private TenseCues(Pattern past, Pattern future) {
        this.past = past;
        this.future = future;
    }

    public static TenseCues standard() {
        return STANDARD;
    }

    public Tense of(CharSequence sentence) {
        if (future.matcher(sentence).find()) {
            return Tense.FUTURE;
        }
        return past.matcher(sentence).find() ? Tense.PAST : Tense.UNKNOWN;
    }

    private static TenseCues load() {
        List<String> past = new ArrayList<>();
        List<String> future = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(TenseCues.class, "tense-cues.txt")) {
            String[] columns = line.text().split("\t");
            if (columns.length != 3 || !columns[0].equals("past") && !columns[0].equals("future")) {
                throw line.error("expected: past|future, language, word (tab-separated)");
            }
            String word = columns[2];
            boolean anyEnding = word.endsWith("*");
            String stem = anyEnding ? word.substring(0, word.length() - 1) : word;
            String regex = List.of(stem.split(" ")).stream().map(Pattern::quote).collect(Collectors.joining("\\s+"))
                    + (anyEnding ? "\\p{L}*" : "");
            (columns[0].equals("past") ? past : future).add(regex);
        }
        return new TenseCues(words(past), words(future));
    }

    private static Pattern words(List<String> alternatives) {
        return Pattern.compile("(?<!\\p{L})(?:" + String.join("|", alternatives) + ")(?!\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
