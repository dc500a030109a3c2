package org.medkg.recognize;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.medkg.lang.Language;
import org.medkg.recognize.date.DateGrammar;
import org.medkg.recognize.date.DateInterpreter;
import org.medkg.recognize.date.DateMatch;
import org.medkg.recognize.date.DateSpan;
import org.medkg.recognize.date.MonthNames;

/**
 * Finds dates and date ranges in Russian, Kazakh and English text ({@code с 22 по 24 мая 2024 года},
 * {@code 2024 жылғы 22–24 мамыр}, {@code May 22–24, 2024}, {@code 19.09.24 г.}, {@code в 2023 году}) and emits
 * {@link EntityKind#DATE} mentions whose canonical form is ISO 8601 ({@code 2024-05-22/2024-05-24} for a range)
 * and whose fields {@code start} and {@code end} are ISO dates, {@code YYYY-MM} or {@code YYYY} when only that is
 * known. The rules are data: {@code date/date-grammar.txt}. All rules apply to every language, because the
 * documents mix them.
 */
public final class DateRecognizer implements Recognizer {

    private final LocalDate reference;
    private final DateInterpreter interpreter;

    /** A recognizer without a reference date: dates without a year are not emitted. */
    public DateRecognizer() {
        this(null);
    }

    private DateRecognizer(LocalDate reference) {
        this.reference = reference;
        this.interpreter = new DateInterpreter(MonthNames.standard(), reference);
    }

    /** A recognizer that completes year-less dates («15 ноября») from this date, normally the document's. */
    public DateRecognizer withReferenceDate(LocalDate referenceDate) {
        return new DateRecognizer(requireNonNull(referenceDate, "referenceDate"));
    }

    public LocalDate referenceDate() {
        return reference;
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> sink) {
        for (DateMatch match : find(text)) {
            match.span().ifPresent(span -> sink.accept(mention(match, span)));
        }
    }

    /**
     * Every date expression in the text, in text order, with the rule that read it (for debugging rules), also
     * those that mean no date (see {@link DateMatch}).
     */
    public List<DateMatch> find(String text) {
        List<DateMatch> candidates = new ArrayList<>();
        List<DateGrammar.Rule> rules = DateGrammar.standard().rules();
        for (int order = 0; order < rules.size(); order++) {
            DateGrammar.Rule rule = rules.get(order);
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                candidates.add(new DateMatch(rule.name(), matcher.start(), matcher.end(), matcher.group(),
                        interpreter.interpret(rule, matcher)));
            }
        }
        // Longest first, then the rule listed first (candidates are in rule order and the sort is stable).
        candidates.sort(Comparator.comparingInt((DateMatch m) -> m.end() - m.start()).reversed());
        List<DateMatch> chosen = new ArrayList<>();
        for (DateMatch candidate : candidates) {
            if (chosen.stream().noneMatch(other -> candidate.start() < other.end() && other.start() < candidate.end())) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(DateMatch::start));
        return List.copyOf(chosen);
    }

    private static Mention mention(DateMatch match, DateSpan span) {
        return new Mention(EntityKind.DATE, match.start(), match.end(), match.surface(), span.iso(),
                Map.of("start", span.start().iso(), "end", span.end().iso()));
    }
}
