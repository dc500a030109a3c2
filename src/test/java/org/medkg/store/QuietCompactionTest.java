package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When a served store is compacted: a slow writer (a {@code load --endpoint} on a busy machine sent its documents
 * seconds apart) must not have the server compact between each two of its writes, holding up every request each
 * time. The compaction here takes as long as a corpus's did on that machine, scaled down: 0.5 s.
 */
class QuietCompactionTest {
    private static final Duration QUIET = Duration.ofMillis(50);
    private static final long COMPACTION_MILLIS = 500;
    /** Slower than the quiet time, much faster than three compactions. */
    private static final long WRITES_APART_MILLIS = 200;

    @Test
    void aSlowRunOfWritesIsCompactedOnceItEndsNotAfterEachWrite() throws InterruptedException {
        AtomicInteger compactions = new AtomicInteger();
        try (QuietCompaction compaction = new QuietCompaction(QUIET, () -> {
            compactions.incrementAndGet();
            sleep(COMPACTION_MILLIS);
        })) {
            for (int write = 0; write < 12; write++) {
                compaction.written();
                sleep(WRITES_APART_MILLIS);
            }
            // The first gap compacts (nothing says yet how long a compaction takes); after that, none until the end.
            int duringWrites = compactions.get();
            assertTrue(duringWrites <= 1, duringWrites + " compactions during 12 writes 0.2 s apart");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (compactions.get() == duringWrites && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertEquals(duringWrites + 1, compactions.get(), "one compaction once the writes stopped");
        }
    }

    @Test
    void writesFarApartAreEachCompacted() throws InterruptedException {
        AtomicInteger compactions = new AtomicInteger();
        try (QuietCompaction compaction = new QuietCompaction(QUIET, compactions::incrementAndGet)) {
            for (int write = 1; write <= 3; write++) {
                compaction.written();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (compactions.get() < write && System.nanoTime() < deadline) {
                    sleep(20);
                }
                assertEquals(write, compactions.get(), "a compaction after write " + write);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
