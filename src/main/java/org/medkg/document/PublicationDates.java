package org.medkg.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day from a date as documents write it: ISO ({@code 2024-05-25}, {@code 2024-05-25T10:00:00+05:00})
 * or day first as Grav writes it ({@code 25-05-2024 10:00}, {@code 25.05.2024}). A time of day is ignored.
 */
final class PublicationDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})(?: .*)?");

    private PublicationDates() {
    }

    static Optional<LocalDate> parse(String value) {
        String date = value.strip();
        try {
            Matcher iso = ISO.matcher(date);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(date);
            if (dayFirst.matches()) {
                return Optional.of(LocalDate.of(number(dayFirst, 3), number(dayFirst, 2), number(dayFirst, 1)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
