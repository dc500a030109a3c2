package org.medkg.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The quads the store's last writes added or deleted, by data version: what tells whether an answer computed before
 * a write still holds after it ({@link VersionedStore#unchangedFor}). A write is recorded while its transaction is
 * open and is known once it commits. A write whose quads were not all told here (a first load, which writes
 * millions; one that emptied the store wholesale) or that changed more than {@value #MOST_QUADS} quads is unknown, and
 * so is a version whose write has been forgotten: past it, every answer is computed again.
 */
final class ChangeLog {
    /** The quads of the writes remembered, together: a few MB. */
    static final int MOST_QUADS = 50_000;

    private record Write(long version, List<Quad> quads) {
    }

    /** The known writes, the latest last; guarded by {@code this}. */
    private final Deque<Write> writes = new ArrayDeque<>();
    private int quadsKept;
    /**
     * The thread whose write transaction told quads here and has not ended yet: TDB2 has one writer at a time, but
     * the one that committed may end after the next has begun. Null when there is none.
     */
    private Thread writer;
    /** What that write told; null when it is unknown. */
    private List<Quad> pending;

    /** Inside a write transaction: {@code quad} was added or deleted. */
    synchronized void changed(Quad quad) {
        if (writing() != null) {
            pending.add(quad);
            if (pending.size() > MOST_QUADS) {
                pending = null;
            }
        }
    }

    /** Inside a write transaction: it wrote quads that are not told here. */
    synchronized void unknown() {
        writing();
        pending = null;
    }

    /** This thread's write transaction committed as {@code version}. */
    synchronized void committed(long version) {
        List<Quad> told = writer == Thread.currentThread() ? pending : List.of();
        writer = null;
        if (told != null) {
            writes.addLast(new Write(version, List.copyOf(told)));
            quadsKept += told.size();
            while (quadsKept > MOST_QUADS) {
                quadsKept -= writes.removeFirst().quads().size();
            }
        } else {
            // an older known write cannot vouch for an answer across this one
            writes.clear();
            quadsKept = 0;
        }
    }

    /** This thread's write transaction was abandoned: nothing it told happened. */
    synchronized void abandoned() {
        if (writer == Thread.currentThread()) {
            writer = null;
        }
    }

    /** What this thread's write has told so far, begun now if it had told nothing. */
    private List<Quad> writing() {
        if (writer != Thread.currentThread()) {
            writer = Thread.currentThread();
            pending = new ArrayList<>();
        }
        return pending;
    }

    /**
     * The subjects of the quads the writes after version {@code from} up to {@code to} added or deleted; empty when
     * one of those writes is not known.
     */
    synchronized Optional<Set<Node>> subjectsWritten(long from, long to) {
        return writesBetween(from, to).map(known -> {
            Set<Node> subjects = new HashSet<>();
            known.forEach(write -> write.quads().forEach(quad -> subjects.add(quad.getSubject())));
            return subjects;
        });
    }

    /** Whether every write after version {@code from} up to {@code to} is known, and none covers {@code footprint}. */
    synchronized boolean unchangedFor(Footprint footprint, long from, long to) {
        return writesBetween(from, to).map(known -> known.stream()
                .noneMatch(write -> write.quads().stream().anyMatch(footprint::covers))).orElse(false);
    }

    /** The writes after version {@code from} up to {@code to}, each of them; empty when one is not known. */
    private Optional<List<Write>> writesBetween(long from, long to) {
        List<Write> between = new ArrayList<>();
        long next = from + 1;
        for (Write write : writes) {
            if (next > to) {
                break;
            }
            if (write.version() < next) {
                continue;
            }
            if (write.version() > next) {
                return Optional.empty();
            }
            between.add(write);
            next++;
        }
        return next > to ? Optional.of(between) : Optional.empty();
    }
}
