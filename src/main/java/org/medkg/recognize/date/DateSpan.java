package org.medkg.recognize.date;

import static java.util.Objects.requireNonNull;

/** The dates a date expression means: start and end are equal for a single date. */
public record DateSpan(PartialDate start, PartialDate end) {

    public DateSpan {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (end.lastDay().isBefore(start.firstDay())) {
            throw new IllegalArgumentException("date span ends before it starts: " + start.iso() + "/" + end.iso());
        }
    }

    /** ISO 8601: the date, or {@code start/end} for a range. */
    public String iso() {
        return start.equals(end) ? start.iso() : start.iso() + "/" + end.iso();
    }
}
