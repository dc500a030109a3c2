package org.medkg.search;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds events by their dates: each event that has an {@code mkg:startDate} is indexed by the days from its first
 * start to its last end ({@link DaySpan}; an event without an end ends with its start), so that a query for a span of
 * days reads the start dates of the events that may fall in it, not of every event of the store.
 */
public interface DateIndex {

    /**
     * The candidates for a span of days: the IRIs of every event whose days, from the first day of a start date to
     * the last day of an end date (or of a start date), overlap {@code days}. An event with two starts or two ends
     * (documents that disagree) is a candidate when any pair of them would be; the caller checks each. An event
     * whose date cannot be read as a day is a candidate for every span. Empty when the index cannot tell: more than
     * {@value NameIndex#MAX_CANDIDATES} events, a blank node among them, or an index not in step with its store.
     * Stops with Jena's {@link org.apache.jena.query.QueryCancelledException} once {@code cancelSignal} is set.
     */
    Optional<Set<String>> eventsOverlapping(DaySpan days, AtomicBoolean cancelSignal);
}
