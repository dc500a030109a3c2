package org.medkg.recognize;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.lang.Language;
import org.medkg.recognize.date.DateGrammar;
import org.medkg.recognize.date.DateInterpreter;
import org.medkg.recognize.date.DateMatch;
import org.medkg.recognize.date.DateSpan;
import org.medkg.recognize.date.OtherDateCues;
import org.medkg.recognize.date.PartialDate;

/**
 * Finds dates and date ranges in Russian, Kazakh and English text ({@code с 22 по 24 мая 2024 года},
 * {@code 2024 жылғы 22–24 мамыр}, {@code May 22–24, 2024}, {@code 19.09.24 г.}, {@code в 2023 году}) and emits
 * {@link EntityKind#DATE} mentions whose canonical form is ISO 8601 ({@code 2024-05-22/2024-05-24} for a range,
 * {@code 2022-09-19/..} when only the start is said) and whose fields {@code start} and {@code end} are ISO dates,
 * {@code YYYY-MM} or {@code YYYY} when only that is known ({@code end} is missing when open). With a reference
 * date (the document's publication date) it also reads dates relative to it: {@code вчера}, {@code в этом году},
 * {@code on Friday}; such a mention carries the field {@code relative}. A date that the words around it make the
 * date of something other than an event (a deadline, a birth: {@code date/not-event-date-cues.txt}), or the
 * publication's own dateline ({@code Караганда, 23 ноября 2023 —}), carries the field {@code about} saying so. The rules are data: {@code date/date-grammar.txt}.
 * All rules apply to every language, because the documents mix them.
 */
public final class DateRecognizer implements Recognizer {

    private final LocalDate reference;
    private final DateInterpreter interpreter;
    // Taken when the recognizer is made, so that their compiled rules are ready before the first document.
    private final DateGrammar grammar = DateGrammar.standard();
    private final OtherDateCues otherDateCues = OtherDateCues.standard();

    /** A recognizer without a reference date: dates without a year are not emitted. */
    public DateRecognizer() {
        this(null);
    }

    private DateRecognizer(LocalDate reference) {
        this.reference = reference;
        this.interpreter = new DateInterpreter(reference);
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
        matchesByRule(text).forEach(candidates::addAll);
        // Longest first, then the rule listed first (candidates are in rule order and the sort is stable).
        candidates.sort(Comparator.comparingInt((DateMatch m) -> m.end() - m.start()).reversed());
        List<DateMatch> chosen = new ArrayList<>();
        for (DateMatch candidate : candidates) {
            if (chosen.stream().noneMatch(other -> candidate.start() < other.end() && other.start() < candidate.end())) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(DateMatch::start));
        List<DateMatch> dates = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            DateMatch match = chosen.get(i);
            boolean repeats = match.relative()
                    && (i > 0 && !chosen.get(i - 1).relative() && beside(text, chosen.get(i - 1), match)
                    || i + 1 < chosen.size() && !chosen.get(i + 1).relative() && beside(text, match, chosen.get(i + 1)));
            // «Гематология сегодня»: a word of a quoted name is no date.
            if (!repeats && !(match.relative() && insideQuotes(text, match.start()))) {
                dates.add(match.withAbout(dateline(text, match) ? "publication"
                        : otherDateCues.kindOf(text, match.start(), match.end())));
            }
        }
        return List.copyOf(dates);
    }

    /**
     * Each rule's matches in the stretches around anchors, rule by rule in the grammar's order, each rule's in text
     * order: what searching each stretch for each rule from left to right finds. Since every match begins where a
     * word does, only word starts are tried, and at each only the rules that may begin with its first letter
     * ({@link DateGrammar#rulesStartingWith}); a rule found at one is not tried again before the match's end.
     */
    private List<List<DateMatch>> matchesByRule(String text) {
        List<DateGrammar.Rule> rules = grammar.rules();
        List<List<DateMatch>> found = new ArrayList<>();
        rules.forEach(rule -> found.add(new ArrayList<>()));
        Matcher[] matchers = new Matcher[rules.size()];
        int[] searchedTo = new int[rules.size()];
        int[] starts = wordStarts(text);
        int next = 0;
        for (int[] region : regionsAroundAnchors(text, starts)) {
            while (next < starts.length && starts[next] < region[0]) {
                next++;
            }
            for (; next < starts.length && starts[next] < region[1]; next++) {
                int start = starts[next];
                for (int i : grammar.rulesStartingWith(text.charAt(start))) {
                    if (start < searchedTo[i]) {
                        continue;
                    }
                    if (matchers[i] == null) {
                        matchers[i] = rules.get(i).pattern().matcher(text)
                                .useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    Matcher matcher = matchers[i].region(start, region[1]);
                    if (matcher.lookingAt()) {
                        DateGrammar.Rule rule = rules.get(i);
                        found.get(i).add(new DateMatch(rule.name(), matcher.start(), matcher.end(), matcher.group(),
                                interpreter.interpret(rule, matcher, text), rule.relative(), null));
                        searchedTo[i] = matcher.end();
                    }
                }
            }
        }
        return found;
    }

    /** Where the text's words (and numbers) begin, in text order. */
    private static int[] wordStarts(String text) {
        Matcher start = DateGrammar.wordStart().matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The stretches of text within reach of an anchor, merged, in text order: the only ones a date may be in. The
     * anchor is tried only at the word starts whose first letter may begin it, and not inside its last match.
     */
    private List<int[]> regionsAroundAnchors(String text, int[] starts) {
        List<int[]> regions = new ArrayList<>();
        Matcher anchor = grammar.anchor().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        for (int at : starts) {
            if (at < searchedTo || !grammar.anchorMayStartWith(text.charAt(at))
                    || !anchor.region(at, text.length()).lookingAt()) {
                continue;
            }
            searchedTo = anchor.end();
            int start = Math.max(0, anchor.start() - DateGrammar.ANCHOR_REACH);
            int end = Math.min(text.length(), anchor.end() + DateGrammar.ANCHOR_REACH);
            int[] last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                regions.add(new int[] {start, end});
            }
        }
        return regions;
    }

    /** Only a comma, a bracket or spaces between two dates: «завтра, 14 декабря», «в пятницу, 12 мая». */
    private static boolean beside(String text, DateMatch first, DateMatch second) {
        return BETWEEN_BESIDE.matcher(text.substring(first.end(), second.start())).matches();
    }

    /** Whether an offset stands inside a quotation opened earlier on its line («…», “…”, „…“). */
    private static boolean insideQuotes(String text, int offset) {
        int depth = 0;
        for (int i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '„' || c == '“' && depth == 0) {
                depth++;
            } else if ((c == '»' || c == '“' || c == '”') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static final Pattern BETWEEN_BESIDE = Pattern.compile("[\\s,()]{0,4}");
    /** Before a dateline on its line: at most three words, a comma («Караганда, », «date »). */
    private static final Pattern DATELINE_LEAD = Pattern.compile("[\\p{L}.-]+(?:\\s+[\\p{L}.-]+){0,2},?\\s+|");
    /** After it: a dash and the lead sentence, or at most two words to the line's end («Погода»). */
    private static final Pattern DATELINE_TAIL = Pattern.compile("\\s*(?:[—–-].*|(?:[\\p{L}]+\\s*){0,2})");
    /** A dateline comes before the text's third line: after the title, maybe a heading line. */
    private static final int DATELINE_MAX_LINES_BEFORE = 2;

    /**
     * The publication's own date standing as the dateline at the top of the text ("Караганда, 23 ноября 2023 —
     * Сегодня завершилась …", a page's "date 2025-08-22 Погода"): it dates the page, not what the page tells.
     */
    private boolean dateline(String text, DateMatch match) {
        PartialDate day = reference == null ? null
                : new PartialDate(reference.getYear(), reference.getMonthValue(), reference.getDayOfMonth());
        if (day == null || match.span().isEmpty() || !day.equals(match.span().get().start())
                || !day.equals(match.span().get().end())) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', match.start()) + 1;
        int lineEnd = text.indexOf('\n', match.end());
        return DATELINE_LEAD.matcher(text.substring(lineStart, match.start())).matches()
                && DATELINE_TAIL.matcher(text.substring(match.end(), lineEnd < 0 ? text.length() : lineEnd)).matches()
                && text.substring(0, lineStart).lines().filter(line -> !line.isBlank()).count() <= DATELINE_MAX_LINES_BEFORE;
    }

    private static Mention mention(DateMatch match, DateSpan span) {
        Map<String, String> fields = new HashMap<>();
        fields.put("start", span.start().iso());
        if (span.end() != null) {
            fields.put("end", span.end().iso());
        }
        if (match.about() != null) {
            fields.put("about", match.about());
        }
        if (match.relative()) {
            fields.put("relative", "true");
        }
        return new Mention(EntityKind.DATE, match.start(), match.end(), match.surface(), span.iso(), fields);
    }
}
