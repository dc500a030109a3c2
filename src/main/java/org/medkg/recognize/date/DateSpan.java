package org.medkg.recognize.date;

import static java.util.Objects.requireNonNull;

/**
 * The dates a date expression means: start and end are equal for a single date; the end is null when the
 * expression gives only a start ({@code с 19 сентября}, {@code Starting September 19}, {@code 19 қыркүйектен бастап}).
 */
public record DateSpan(PartialDate start, PartialDate end) {

    public DateSpan {
        requireNonNull(start, "start");
        if (end != null && end.lastDay().isBefore(start.firstDay())) {
            throw new IllegalArgumentException("date span ends before it starts: " + start.iso() + "/" + end.iso());
        }
    }

    /** ISO 8601: the date, {@code start/end} for a range, {@code start/..} when the end is open (ISO 8601-2). */
    public String iso() {
        if (end == null) {
            return start.iso() + "/..";
        }
        return start.equals(end) ? start.iso() : start.iso() + "/" + end.iso();
    }
}
