package org.medkg.store;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * The store as everything but compaction uses it: each transaction passes a gate that compaction closes, and each
 * committed write is told to the store and counted as a new {@linkplain #dataVersion() data version}. Every write
 * into the store commits here: loads, SPARQL Update and Graph Store writes of a server, {@code serve --load}.
 * Compaction copies the same content and passes no commit here, so it keeps the version.
 *
 * <p>Why a gate: TDB2's compaction (Jena 5.6) switches the store to a new generation of its files, and a transaction
 * that began on the old generation cannot end on the new one ("Not in an active transaction"); the old generation
 * then waits forever for it, and so does the compaction. Seen here with two threads reading in a loop. So compaction
 * runs only when no transaction is open, and new transactions wait while it runs: a short pause for a store of this
 * size (see the README's Measured section).
 */
final class TransactionGate extends DatasetGraphWrapper implements VersionedStore {

    /** Fair, so that compaction waiting for the open transactions is not overtaken by new ones for ever. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    /** Whether this thread's transaction holds the gate open (begin and end may be called more than once). */
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
    private final Runnable onWrite;
    private final AtomicLong committedWrites = new AtomicLong();
    private final ChangeLog changes;

    /**
     * @param changes where every write tells the quads it adds and deletes: {@code store} tells those written through
     *                it, and a writer that goes around it tells its own
     */
    TransactionGate(DatasetGraph store, ChangeLog changes, Runnable onWrite) {
        super(store);
        this.changes = changes;
        this.onWrite = onWrite;
    }

    /**
     * Runs {@code work} once no transaction is open, holding new ones until it is done. Waits at most {@code patience}
     * for the open transactions to end (new ones are held meanwhile), so a long download only delays the work.
     *
     * @return whether the work was done
     */
    boolean whenClosed(Duration patience, Runnable work) throws InterruptedException {
        if (!gate.writeLock().tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    @Override
    public void begin() {
        pass();
        try {
            super.begin();
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
    }

    @Override
    public void begin(TxnType type) {
        pass();
        try {
            super.begin(type);
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
    }

    @Override
    public void begin(ReadWrite mode) {
        pass();
        try {
            super.begin(mode);
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
    }

    @Override
    public void commit() {
        boolean writing = isInTransaction() && transactionMode() == ReadWrite.WRITE;
        try {
            super.commit();
            if (writing) {
                // after the commit: a reader that sees this version begins after it, so it sees the write; and the
                // write's changes are known before its version is
                changes.committed(committedWrites.get() + 1);
                committedWrites.incrementAndGet();
            }
        } finally {
            leave();
        }
        if (writing) {
            onWrite.run();
        }
    }

    @Override
    public long dataVersion() {
        return committedWrites.get();
    }

    @Override
    public boolean unchangedFor(Footprint footprint, long from, long to) {
        return changes.unchangedFor(footprint, from, to);
    }

    @Override
    public Optional<Set<Node>> subjectsWritten(long from, long to) {
        return changes.subjectsWritten(from, to);
    }

    @Override
    public void abort() {
        boolean writing = isInTransaction() && transactionMode() == ReadWrite.WRITE;
        try {
            super.abort();
        } finally {
            leave();
            if (writing) {
                changes.abandoned();
            }
        }
    }

    @Override
    public void end() {
        // a write ended without a commit is abandoned (an end after a commit or an abort finds no write open)
        boolean writing = isInTransaction() && transactionMode() == ReadWrite.WRITE;
        try {
            super.end();
        } finally {
            leave();
            if (writing) {
                changes.abandoned();
            }
        }
    }

    /** Empties the store without telling its quads one by one. */
    @Override
    public void clear() {
        changes.unknown();
        super.clear();
    }

    private void pass() {
        if (!holding.get()) {
            gate.readLock().lock();
            holding.set(true);
        }
    }

    private void leave() {
        if (holding.get()) {
            holding.set(false);
            gate.readLock().unlock();
        }
    }
}
