package org.medkg.recognize.date;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Turns the groups of a date rule's match into a {@link DateSpan} (the group names are documented in
 * {@code date-grammar.txt}). A year missing from one end comes from the other; a year missing from both comes from
 * the reference date: the year, of the reference's, the one before and the one after, that puts the date nearest
 * to it (an article of 29 November announcing «30 ноября» means this year, one of 10 January recalling
 * «15 декабря» means last year). Relative dates (вчера, в этом году, в пятницу) are counted from the reference.
 */
public final class DateInterpreter {

    /** Where a sentence ends, for the tense of a weekday's sentence. */
    private static final String SENTENCE_ENDS = ".!?…\n";

    private final CalendarNames months;
    private final CalendarNames weekdays;
    private final RelativeWords relative;
    private final TenseCues tense;
    private final LocalDate reference;

    /** @param reference the document's date, or null when unknown */
    public DateInterpreter(LocalDate reference) {
        this.months = CalendarNames.months();
        this.weekdays = CalendarNames.weekdays();
        this.relative = RelativeWords.standard();
        this.tense = TenseCues.standard();
        this.reference = reference;
    }

    /** The dates a match of the rule means in the text it was found in, or empty when none. */
    public Optional<DateSpan> interpret(DateGrammar.Rule rule, Matcher match, String text) {
        boolean from = rule.group(match, "from") != null || rule.group(match, "onward") != null;
        if (rule.relative()) {
            return reference == null ? Optional.empty()
                    : relativeDate(rule, match, text).map(date -> new DateSpan(date, from ? null : date));
        }
        int startMonth = month(rule, match, "m1", "mon1");
        int endMonth = month(rule, match, "m2", "mon2");
        int startDay = number(rule, match, "d1");
        int endDay = number(rule, match, "d2");
        Integer yearOfBoth = year(rule, match, "y0");
        String relativeYear = rule.group(match, "ry");
        if (relativeYear != null) {
            if (reference == null) {
                return Optional.empty();
            }
            yearOfBoth = reference.getYear() + relative.offset(RelativeWords.Unit.YEAR, relativeYear);
        }
        Integer startYear = firstNonNull(year(rule, match, "y1"), yearOfBoth);
        Integer endYear = firstNonNull(year(rule, match, "y2"), yearOfBoth);
        if (startMonth < 0 || endMonth < 0) {
            return Optional.empty();
        }
        boolean single = endDay == 0 && endMonth == 0 && rule.group(match, "y2") == null;
        if (single) {
            endDay = startDay;
            endMonth = startMonth;
            endYear = startYear;
        }
        if (startMonth == 0) {
            startMonth = endMonth;
        }
        if (endMonth == 0) {
            endMonth = startMonth;
        }
        if (startYear == null && endYear == null) {
            if (reference == null) {
                return Optional.empty();
            }
            startYear = nearestYear(startMonth, startDay);
        }
        if (startYear == null) {
            startYear = endYear - (monthDay(startMonth, startDay) > monthDay(endMonth, endDay) ? 1 : 0);
        }
        if (endYear == null) {
            endYear = startYear + (monthDay(startMonth, startDay) > monthDay(endMonth, endDay) ? 1 : 0);
        }
        PartialDate start = PartialDate.validOrNull(startYear, startMonth, startDay);
        PartialDate end = PartialDate.validOrNull(endYear, endMonth, endDay);
        if (start == null || end == null || end.lastDay().isBefore(start.firstDay())) {
            return Optional.empty();
        }
        return Optional.of(new DateSpan(start, single && from ? null : end));
    }

    /** A relative date: a day, a month, a year, or a weekday, as a partial date. */
    private Optional<PartialDate> relativeDate(DateGrammar.Rule rule, Matcher match, String text) {
        String day = rule.group(match, "rd");
        if (day != null) {
            int offset = relative.offset(RelativeWords.Unit.DAY, day);
            // «Сегодня» in the present tense means nowadays (which today includes 40 centers), no day.
            if (offset == 0 && tense.of(sentenceAround(text, match.start(), match.end())) == TenseCues.Tense.UNKNOWN) {
                return Optional.empty();
            }
            LocalDate date = reference.plusDays(offset);
            return Optional.of(new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        }
        String month = rule.group(match, "rm");
        if (month != null) {
            LocalDate date = reference.plusMonths(relative.offset(RelativeWords.Unit.MONTH, month));
            return Optional.of(new PartialDate(date.getYear(), date.getMonthValue(), 0));
        }
        String year = rule.group(match, "ry");
        if (year != null) {
            return Optional.of(new PartialDate(reference.getYear() + relative.offset(RelativeWords.Unit.YEAR, year), 0, 0));
        }
        String weekday = rule.group(match, "wd");
        if (weekday != null) {
            return weekday(DayOfWeek.of(weekdays.numberOf(weekday)), rule.group(match, "wq"),
                    sentenceAround(text, match.start(), match.end()))
                    .map(date -> new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        }
        return Optional.empty();
    }

    /**
     * A weekday: with a qualifier, of the publication's week (в эту пятницу) or the last before it (в прошлую
     * пятницу); without one, the last on or before the publication date in a report and the first on or after it in
     * an announcement (tense-cues.txt); in a sentence of neither tense, none.
     */
    private Optional<LocalDate> weekday(DayOfWeek day, String qualifier, CharSequence sentence) {
        if (qualifier != null) {
            int offset = relative.offset(RelativeWords.Unit.WEEK, qualifier);
            LocalDate lastBefore = reference.minusDays(1).with(TemporalAdjusters.previousOrSame(day));
            return Optional.of(offset == 0 ? reference.with(day) : lastBefore.plusWeeks(offset + 1L));
        }
        return switch (tense.of(sentence)) {
            case PAST -> Optional.of(reference.with(TemporalAdjusters.previousOrSame(day)));
            case FUTURE -> Optional.of(reference.with(TemporalAdjusters.nextOrSame(day)));
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The sentence around a match: up to . ! ? … or a line break; a dot inside a number (18.30) ends nothing. */
    private static CharSequence sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !endsSentence(text, to)) {
            to++;
        }
        return text.subSequence(from, to);
    }

    private static boolean endsSentence(String text, int at) {
        char c = text.charAt(at);
        if (c == '.') {
            return at + 1 == text.length() || Character.isWhitespace(text.charAt(at + 1));
        }
        return SENTENCE_ENDS.indexOf(c) >= 0;
    }

    private int nearestYear(int month, int day) {
        int best = reference.getYear();
        long bestDistance = Long.MAX_VALUE;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year++) {
            PartialDate candidate = PartialDate.validOrNull(year, month, day);
            if (candidate == null) {
                continue;
            }
            long distance = Math.abs(ChronoUnit.DAYS.between(reference, candidate.firstDay()));
            if (distance < bestDistance) {
                best = year;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int monthDay(int month, int day) {
        return month * 100 + day;
    }

    /** The month from a numeric or a named group; 0 when neither matched, -1 when the name is unknown. */
    private int month(DateGrammar.Rule rule, Matcher match, String numberGroup, String nameGroup) {
        String name = rule.group(match, nameGroup);
        if (name != null) {
            int month = months.numberOf(name);
            return month == 0 ? -1 : month;
        }
        return number(rule, match, numberGroup);
    }

    private static Integer year(DateGrammar.Rule rule, Matcher match, String name) {
        String text = rule.group(match, name);
        if (text == null) {
            return null;
        }
        int year = Integer.parseInt(text);
        // Two-digit years (19.09.24 г.) are this century's.
        return text.length() == 2 ? 2000 + year : year;
    }

    private static int number(DateGrammar.Rule rule, Matcher match, String name) {
        String text = rule.group(match, name);
        return text == null ? 0 : Integer.parseInt(text);
    }

    private static Integer firstNonNull(Integer first, Integer second) {
        return first != null ? first : second;
    }
}
