package org.medkg.server;

import static java.util.Objects.requireNonNull;

import org.medkg.query.AnswerPage;

/**
 * A page of a saved query's answer as the server keeps it: its rows, and whether rows follow. Immutable, so many
 * requests may write it at once.
 *
 * @param rows the page's rows
 * @param more whether a next page has rows
 */
record KeptPage(QueryAnswer rows, boolean more) {
    /**
     * The most kept of all pages together, in estimated bytes of heap: they are named by the parameters clients send,
     * so their number has no bound of its own. 100-row pages of the shipped queries are estimated at 30–75 kB at 100×,
     * so some 100–250 pages are kept. At 32 MB the server's young collections cost half as much again each (29 ms
     * against 18 ms after 1,100 pages at 100×), which every request pays.
     */
    static final long MOST_KEPT_BYTES = 8L * 1024 * 1024;

    KeptPage {
        requireNonNull(rows, "rows");
    }

    /** The rows read out of a page as the runner gives it. */
    static KeptPage of(AnswerPage page) {
        return new KeptPage(QueryAnswer.of(page.rows()), page.more());
    }

    long estimatedBytes() {
        return rows.estimatedBytes();
    }
}
