package org.medkg.server;

import org.slf4j.Logger;

/**
 * A check that a scheduled executor runs again and again, kept running through a failure: the executor drops a
 * periodic task for good at its first throw, and the checks that stop runaway requests and computations would end
 * when they are needed most. Seen: an {@code OutOfMemoryError} in the watchdog's thread, while a whole-graph query ran
 * a 128 MB heap short, left every later request without a time limit.
 */
final class PeriodicCheck {
    private PeriodicCheck() {
    }

    /** {@code check}, logging what it throws (an exception, or the heap running out) instead of ending. */
    static Runnable surviving(Logger log, String what, Runnable check) {
        return () -> {
            try {
                check.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                try {
                    log.warn("{}: one check failed, the next goes on: {}", what, e.toString());
                } catch (OutOfMemoryError stillShort) {
                    // not even the log has room: the next check, a fraction of a second later, may
                }
            }
        };
    }
}
