package org.medkg.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a compaction in a thread of its own once writes have stopped for a while: a load over HTTP is a run of write
 * transactions a few milliseconds apart, and compacting between two of them would hold up the rest of the run for
 * nothing.
 *
 * <p>"A while" is the given quiet time, or {@value #QUIET_PER_COMPACTION} times as long as the last compaction took
 * if that is longer. Every request waits while a compaction runs, and writes do not always come milliseconds apart:
 * on a busy machine (two cores, load average 25) a {@code load --endpoint} sent its documents more than 2 s apart,
 * each compaction took 10–15 s, and the server compacted after nearly every document (146 documents took more
 * than ten minutes, with every reader held up again and again). Measured against its own length, compaction takes
 * at most a quarter of the time of a steady run of writes, however slow they come.
 */
final class QuietCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuietCompaction.class);

    static final int QUIET_PER_COMPACTION = 3;

    private final Duration quiet;
    private final Runnable compaction;
    /** When the last write was told, by {@link System#nanoTime()}. */
    private long lastWrite;
    /** How long the last compaction took. */
    private Duration lastCompaction = Duration.ZERO;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread compactor = new Thread(task, "medkg-compaction");
        compactor.setDaemon(true);
        return compactor;
    });
    private ScheduledFuture<?> next;

    QuietCompaction(Duration quiet, Runnable compaction) {
        this.quiet = quiet;
        this.compaction = compaction;
    }

    /** A write was committed: the compaction is put off until writes have stopped long enough. */
    synchronized void written() {
        lastWrite = System.nanoTime();
        schedule(quietNeeded());
    }

    /** Stops; a compaction under way is let finish, so the store is closed between generations, never inside one. */
    @Override
    public void close() {
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
        }
        thread.shutdown();
        try {
            thread.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void compact() {
        synchronized (this) {
            // Scheduled before the last compaction ended (and told how long it took): wait for the rest, if any.
            Duration stillToWait = quietNeeded().minusNanos(System.nanoTime() - lastWrite);
            if (stillToWait.compareTo(Duration.ZERO) > 0) {
                schedule(stillToWait);
                return;
            }
        }
        long began = System.nanoTime();
        try {
            compaction.run();
        } catch (RuntimeException e) {
            // The store stays as it was, only larger; the next write tries again.
            LOG.warn("compaction failed: {}", e.toString(), e);
        }
        synchronized (this) {
            lastCompaction = Duration.ofNanos(System.nanoTime() - began);
        }
    }

    private synchronized Duration quietNeeded() {
        Duration spaced = lastCompaction.multipliedBy(QUIET_PER_COMPACTION);
        return spaced.compareTo(quiet) > 0 ? spaced : quiet;
    }

    private synchronized void schedule(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        next = thread.schedule(this::compact, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
