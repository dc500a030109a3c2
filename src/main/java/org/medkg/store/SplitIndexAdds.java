package org.medkg.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentLifecycle;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentLifecycle.ComponentState;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Adds quads to a TDB2 store inside the calling thread's write transaction, half of the quad indexes filled on a
 * second thread. A first load's thread of TDB2 inserts was its critical path (at 1,000 copies of the corpus, 81% of
 * its samples in B+tree inserts into six indexes, one after the other, while the other core was half idle).
 * Jena's own loaders fill indexes on threads of their own, each in a transaction of its own committed apart; here
 * the second thread works in the caller's one transaction: it takes on the caller's transaction state of each of its
 * indexes (a B+tree, written by that thread alone until {@link #finish}), so the commit (or the abort) of the
 * caller's transaction covers every index at once. Each thread adds a batch of tuples at a time, to each of its
 * indexes in that index's order.
 *
 * <p>Use from the thread that began the write transaction, and {@link #finish} before anything reads the store in
 * it, commits or aborts.
 */
final class SplitIndexAdds implements AutoCloseable {
    /** Tuples added at a time, by each thread; a few batches wait for the second at most, so memory stays small. */
    static final int BATCH = 8_192;
    private static final int BATCHES_WAITING = 8;
    private static final List<Tuple<NodeId>> END = List.of();

    private final DatasetGraph tdb;
    private final NodeTable nodes;
    private final TupleIndex[] ownIndexes;
    private final TupleIndex[] otherIndexes;
    private final List<ComponentState<?>> otherStates = new ArrayList<>();
    private final BlockingQueue<List<Tuple<NodeId>>> handed = new ArrayBlockingQueue<>(BATCHES_WAITING);
    private final ExecutorService second = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "medkg-indexes");
        thread.setDaemon(true);
        return thread;
    });
    private List<Tuple<NodeId>> batch = new ArrayList<>(BATCH);
    private Future<?> filling;

    private SplitIndexAdds(DatasetGraph tdb, NodeTupleTable quads, TupleIndex[] indexes, int split) {
        this.tdb = tdb;
        this.nodes = quads.getNodeTable();
        this.ownIndexes = Arrays.copyOfRange(indexes, 0, split);
        this.otherIndexes = Arrays.copyOfRange(indexes, split, indexes.length);
        for (TupleIndex index : otherIndexes) {
            otherStates.add(component(index).getComponentState());
        }
    }

    /**
     * The adds of {@code tdb}'s write transaction begun by this thread; quads of the default graph, and a store whose
     * indexes are not B+trees, are added the ordinary way.
     */
    static SplitIndexAdds begin(DatasetGraph tdb) {
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(tdb).getQuadTable().getNodeTupleTable();
        TupleIndex[] indexes = quads.getTupleTable().getIndexes();
        boolean splittable = indexes.length > 1
                && Arrays.stream(indexes).allMatch(index -> index instanceof TupleIndexRecord record
                && record.getRangeIndex() instanceof TransactionalComponentLifecycle<?>);
        return new SplitIndexAdds(tdb, quads, indexes, splittable ? indexes.length / 2 : indexes.length);
    }

    void add(Quad quad) {
        if (quad.isDefaultGraph() || otherIndexes.length == 0) {
            tdb.add(quad);
            return;
        }
        Tuple<NodeId> tuple = TupleFactory.create4(nodes.getAllocateNodeId(quad.getGraph()),
                nodes.getAllocateNodeId(quad.getSubject()), nodes.getAllocateNodeId(quad.getPredicate()),
                nodes.getAllocateNodeId(quad.getObject()));
        batch.add(tuple);
        if (batch.size() == BATCH) {
            addBatch();
        }
    }

    /**
     * Hands over what is left and waits until the second thread has added every quad handed to it (the state it
     * wrote is the one this thread commits: the two share it); after it, the transaction may be read, committed or
     * aborted. Adds may follow.
     */
    void finish() {
        if (!batch.isEmpty()) {
            addBatch();
        }
        if (filling == null) {
            return;
        }
        hand(END);
        Future<?> done = filling;
        filling = null;
        OverlappedLoading.result(done);
    }

    @Override
    public void close() {
        try {
            if (filling != null) {
                batch = new ArrayList<>();
                finish();
            }
        } catch (RuntimeException failed) {
            // told already, or about to be dropped with the transaction
        } finally {
            second.shutdown();
        }
    }

    private void hand(List<Tuple<NodeId>> tuples) {
        if (filling == null) {
            filling = second.submit(this::fill);
        }
        while (true) {
            try {
                if (handed.offer(tuples, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing quads to the index thread", e);
            }
            if (filling.isDone()) {
                // it failed: its failure is the one to tell
                OverlappedLoading.result(filling);
            }
        }
    }

    /** The second thread's work, in the caller's transaction: its indexes' state taken over, until the end mark. */
    private Void fill() throws InterruptedException {
        for (int i = 0; i < otherIndexes.length; i++) {
            adopt(component(otherIndexes[i]), otherStates.get(i));
        }
        while (true) {
            List<Tuple<NodeId>> tuples = handed.take();
            if (tuples == END) {
                return null;
            }
            addInIndexOrder(otherIndexes, tuples);
        }
    }

    /** Hands the batch to the second thread, then adds it to this thread's indexes meanwhile. */
    private void addBatch() {
        List<Tuple<NodeId>> full = batch;
        batch = new ArrayList<>(BATCH);
        hand(full);
        addInIndexOrder(ownIndexes, full);
    }

    /**
     * Adds the tuples to each index in that index's own order, so that one after the other they go into the same or
     * neighbouring leaves of its B+tree rather than all over it: a first load of the N-Quads of 1,000 copies of the
     * corpus was about 3% faster than with the tuples in the order read (four runs of each, alternating).
     * The tuples themselves are left as they are: both threads read them.
     */
    private static void addInIndexOrder(TupleIndex[] indexes, List<Tuple<NodeId>> tuples) {
        List<Tuple<NodeId>> ordered = new ArrayList<>(tuples);
        for (TupleIndex index : indexes) {
            ordered.sort(inOrderOf(index.getMapping()));
            ordered.forEach(index::add);
        }
    }

    /** Tuples in the order of the index that maps them so: slot by slot, as its records' keys sort. */
    private static Comparator<Tuple<NodeId>> inOrderOf(TupleMap mapping) {
        return (a, b) -> {
            for (int slot = 0; slot < mapping.length(); slot++) {
                int order = NodeId.compare(mapping.mapSlot(slot, a), mapping.mapSlot(slot, b));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
    }

    private static TransactionalComponentLifecycle<?> component(TupleIndex index) {
        return (TransactionalComponentLifecycle<?>) ((TupleIndexRecord) index).getRangeIndex();
    }

    @SuppressWarnings("unchecked")
    private static <X> void adopt(TransactionalComponentLifecycle<X> component, ComponentState<?> state) {
        component.setComponentState((ComponentState<X>) state);
    }
}
