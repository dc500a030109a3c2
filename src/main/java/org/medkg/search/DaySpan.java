package org.medkg.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The days a date of the graph covers, read as the saved queries read {@code mkg:startDate} and {@code mkg:endDate}
 * (GRAPH.md): a year ({@code 2024}) from its first day to its last, a year-month ({@code 2024-09}) likewise, and
 * anything longer by its first ten characters ({@code 2024-09-18}, {@code 2024-09-18T10:00:00}).
 *
 * @param firstDay the first day, as days since 1970-01-01
 * @param lastDay  the last day, likewise; never before {@code firstDay}
 */
public record DaySpan(long firstDay, long lastDay) {

    /** The span of a date that cannot be read as a day: it may overlap any span. */
    public static final DaySpan UNBOUNDED = new DaySpan(Long.MIN_VALUE, Long.MAX_VALUE);

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DaySpan {
        if (lastDay < firstDay) {
            throw new IllegalArgumentException("a span cannot end before it begins: " + firstDay + ".." + lastDay);
        }
    }

    /** The days of a date's text, or empty when it is not a year, a year-month or a day as GRAPH.md writes them. */
    public static Optional<DaySpan> of(String text) {
        try {
            if (YEAR.matcher(text).matches()) {
                int year = Integer.parseInt(text);
                return Optional.of(new DaySpan(LocalDate.of(year, 1, 1).toEpochDay(),
                        LocalDate.of(year, 12, 31).toEpochDay()));
            }
            if (YEAR_MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return Optional.of(new DaySpan(month.atDay(1).toEpochDay(), month.atEndOfMonth().toEpochDay()));
            }
            if (text.length() >= 10 && DAY.matcher(text.substring(0, 10)).matches()) {
                long day = LocalDate.parse(text.substring(0, 10)).toEpochDay();
                return Optional.of(new DaySpan(day, day));
            }
        } catch (DateTimeException e) {
            // a month 13 or a 30 February: not a day
        }
        return Optional.empty();
    }

    /** From the first of the two first days to the last of the two last days. */
    public DaySpan widenedBy(DaySpan other) {
        return new DaySpan(Math.min(firstDay, other.firstDay), Math.max(lastDay, other.lastDay));
    }
}
