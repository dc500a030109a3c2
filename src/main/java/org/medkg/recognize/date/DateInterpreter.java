package org.medkg.recognize.date;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Turns the groups of a date rule's match into a {@link DateSpan} (the group names are documented in
 * {@code date-grammar.txt}). A year missing from one end comes from the other; a year missing from both comes from
 * the reference date: the year, of the reference's, the one before and the one after, that puts the date nearest
 * to it (an article of 29 November announcing «30 ноября» means this year, one of 10 January recalling
 * «15 декабря» means last year).
 */
public final class DateInterpreter {

    private final MonthNames months;
    private final LocalDate reference;

    /** @param reference the document's date, or null when unknown */
    public DateInterpreter(MonthNames months, LocalDate reference) {
        this.months = months;
        this.reference = reference;
    }

    public Optional<DateSpan> interpret(DateGrammar.Rule rule, Matcher match) {
        int startMonth = month(rule, match, "m1", "mon1");
        int endMonth = month(rule, match, "m2", "mon2");
        int startDay = number(rule, match, "d1");
        int endDay = number(rule, match, "d2");
        Integer yearOfBoth = year(rule, match, "y0");
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
        return Optional.of(new DateSpan(start, end));
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
            int month = months.monthOf(name);
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
