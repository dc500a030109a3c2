package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

/**
 * The store as one piece of work reads it (a web request): once the work's cancel signal is set, every read throws
 * Jena's {@link QueryCancelledException}.
 *
 * <p>SPARQL run over this view stops too: ARQ gives a query execution the cancel signal found in its dataset's
 * context ({@link ARQConstants#symCancelQuery}) and checks it as rows flow, including while it builds its plan (an
 * {@code OFFSET} skips its rows then). Direct reads ({@code find}, {@code contains}) check the signal on each call
 * and each quad. Queries still run on TDB2's own engine: ARQ looks through wrappers like this one.
 */
public final class CancellableReads extends DatasetGraphWrapper {

    private final AtomicBoolean cancelSignal;

    private CancellableReads(DatasetGraph store, AtomicBoolean cancelSignal, Context context) {
        super(store, context);
        this.cancelSignal = cancelSignal;
    }

    /** {@code store} read under {@code cancelSignal}; the store's own context (name index, settings) is kept. */
    public static DatasetGraph over(DatasetGraph store, AtomicBoolean cancelSignal) {
        requireNonNull(store, "store");
        requireNonNull(cancelSignal, "cancelSignal");
        Context context = store.getContext().copy();
        context.set(ARQConstants.symCancelQuery, cancelSignal);
        // A remote store is read through a view of its own for each piece of work: its queries stop at the signal too.
        return new CancellableReads(RemoteDataset.readBy(store, cancelSignal), cancelSignal, context);
    }

    /** The cancel signal reads through {@code dataset} stop at: the view's, or for any other dataset one never set. */
    public static AtomicBoolean cancelSignal(DatasetGraph dataset) {
        AtomicBoolean signal = Context.getCancelSignal(dataset.getContext());
        return signal != null ? signal : new AtomicBoolean();
    }

    @Override
    public Iterator<Quad> find() {
        return checked(super.find());
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return checked(super.find(quad));
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return checked(super.find(g, s, p, o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return checked(super.findNG(g, s, p, o));
    }

    @Override
    public boolean contains(Quad quad) {
        checkNotCancelled();
        return super.contains(quad);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        checkNotCancelled();
        return super.contains(g, s, p, o);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        checkNotCancelled();
        return super.listGraphNodes();
    }

    private void checkNotCancelled() {
        checkNotCancelled(cancelSignal);
    }

    private Iterator<Quad> checked(Iterator<Quad> quads) {
        return checked(quads, cancelSignal);
    }

    /** Throws Jena's {@link QueryCancelledException} once the signal is set. */
    static void checkNotCancelled(AtomicBoolean cancelSignal) {
        if (cancelSignal.get()) {
            throw new QueryCancelledException();
        }
    }

    /** The items, checking the signal now and before each one. */
    static <T> Iterator<T> checked(Iterator<T> items, AtomicBoolean cancelSignal) {
        checkNotCancelled(cancelSignal);
        return new IteratorCloseable<>() {
            @Override
            public boolean hasNext() {
                checkNotCancelled(cancelSignal);
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }

            @Override
            public void close() {
                Iter.close(items);
            }
        };
    }
}
