package org.medkg.recognize.date;

import java.util.Optional;

/**
 * A date expression found in a text: the rule that matched it, its span, and what it means. The meaning is empty
 * when the expression is no valid date (31 June) or needs a reference date that was not given; such a match still
 * claims its span, so that no shorter rule reads a part of it. {@code relative} when it is read from the reference
 * date alone (вчера, в пятницу); {@code about} names what the date is of when the words around it make it no
 * event's date (a deadline, a birth: see {@code not-event-date-cues.txt}), else null.
 */
public record DateMatch(String rule, int start, int end, String surface, Optional<DateSpan> span, boolean relative,
                        String about) {

    public DateMatch withAbout(String what) {
        return new DateMatch(rule, start, end, surface, span, relative, what);
    }
}
