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
 */
final class QuietCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuietCompaction.class);

    private final Duration quiet;
    private final Runnable compaction;
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

    /** A write was committed: the compaction is put off until {@code quiet} after it. */
    synchronized void written() {
        if (next != null) {
            next.cancel(false);
        }
        next = thread.schedule(this::compact, quiet.toMillis(), TimeUnit.MILLISECONDS);
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
        try {
            compaction.run();
        } catch (RuntimeException e) {
            // The store stays as it was, only larger; the next write tries again.
            LOG.warn("compaction failed: {}", e.toString(), e);
        }
    }
}
