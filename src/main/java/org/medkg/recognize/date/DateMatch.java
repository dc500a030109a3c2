package org.medkg.recognize.date;

import java.util.Optional;

/**
 * A date expression found in a text: the rule that matched it, its span, and what it means. The meaning is empty
 * when the expression is no valid date (31 June) or lacks a year and no reference date was given; such a match
 * still claims its span, so that no shorter rule reads a part of it.
 */
public record DateMatch(String rule, int start, int end, String surface, Optional<DateSpan> span) {
}
