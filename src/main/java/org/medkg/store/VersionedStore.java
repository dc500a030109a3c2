package org.medkg.store;

import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * A store that can say whether its content may have changed: what the server's kept answers are checked against.
 * A {@link TdbGraphStore}'s dataset is one; a remote store, whose writes go elsewhere, is not.
 */
public interface VersionedStore {

    /**
     * A number that grows with every committed write transaction, whatever wrote it (a load, SPARQL Update, a Graph
     * Store write), and stays the same across reads, aborted writes and compaction. A reader that asks for it before
     * its read transaction begins sees at least the content of that version.
     */
    long dataVersion();

    /**
     * Whether the writes from data version {@code from} to {@code to} left everything {@code footprint} covers as it
     * was, so that what was computed from it at {@code from} still holds at {@code to}: false when the store no
     * longer knows, or never knew, what one of them changed.
     */
    boolean unchangedFor(Footprint footprint, long from, long to);

    /**
     * The subjects of every quad the writes from data version {@code from} to {@code to} added or deleted: what was
     * read of other subjects then holds at {@code to}. Empty when the store does not know what one of them changed.
     */
    Optional<Set<Node>> subjectsWritten(long from, long to);
}
