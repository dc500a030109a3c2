package org.medkg.recognize.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar date known to the day, to the month or only to the year.
 *
 * @param year  the year
 * @param month 1–12, or 0 when only the year is known
 * @param day   1–31, or 0 when the day is not known
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    public PartialDate {
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a day without a month: " + year + "-?-" + day);
        }
    }

    /** The date, or null when it does not exist (31 June, month 13). */
    public static PartialDate validOrNull(int year, int month, int day) {
        if (month < 0 || month > 12 || (month == 0 && day != 0)) {
            return null;
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return new PartialDate(year, month, day);
    }

    /** ISO 8601: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. */
    public String iso() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        if (day == 0) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    /** The first day this date may mean. */
    public LocalDate firstDay() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    /** The last day this date may mean. */
    public LocalDate lastDay() {
        if (month == 0) {
            return LocalDate.of(year, 12, 31);
        }
        return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    @Override
    public int compareTo(PartialDate other) {
        return firstDay().compareTo(other.firstDay());
    }
}
