package org.medkg.cli;

import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.sys.JenaSystem;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;

/**
 * A store opened on a thread of its own while the first documents are converted. Opening a store in a fresh JVM —
 * TDB2's database classes and files and the name index's writer, or Jena's HTTP client for a remote store — took
 * longer than building the converter, and a load of one changed document waited for it before converting anything
 * (into the 100× store, the converter was ready before the store in every traced run). Nothing converted needs the
 * store until its window is stored, so a load now waits for the store only there (or at its end, if no document was
 * converted).
 *
 * <p>Once open, the store reads ahead the graphs that the first documents will replace ({@link #readAhead}), on a
 * thread of its own too: in a new JVM, the first read of a stored graph is mostly code run for the first time, which
 * is then warm when the load writes.
 *
 * <p>A store that cannot be opened is told where the load first needs it, as the store's own failure: at its first
 * window or at its end. A store that another process holds is best told before any conversion: check that first
 * ({@link org.medkg.store.StoreInUseException#ifHeldElsewhere}).
 */
final class OpeningStore implements GraphStore {

    private final Startup<GraphStore> store;
    /** The read ahead under way, if any: the store is closed once it is over. */
    private Startup<Void> readingAhead;

    private OpeningStore(Startup<GraphStore> store) {
        this.store = store;
    }

    /**
     * Starts opening the store on another thread; the caller converts meanwhile. Jena must be started already
     * ({@link JenaSystem#init()} returned): Jena 5.6 lets a second thread through while a first one is still starting
     * it, so two threads that start it at once may use its classes half started (a load whose store opened that way
     * had its Graph Store PUT fail).
     */
    static OpeningStore begin(Supplier<GraphStore> open) {
        return new OpeningStore(Startup.begin("medkg-store-open", open));
    }

    /** Starts reading the graphs ahead once the store is open, on a thread of its own; returns at once. */
    @Override
    public synchronized void readAhead(List<String> graphIris) {
        List<String> graphs = List.copyOf(graphIris);
        readingAhead = Startup.begin("medkg-store-read-ahead", () -> {
            store.join().readAhead(graphs);
            return null;
        });
    }

    @Override
    public Loading startLoad(int total, LoadProgress progress) {
        return new Loading() {
            private Loading loading;

            @Override
            public void store(List<ConvertedDocument> window) {
                loading().store(window);
            }

            @Override
            public LoadReport finish() {
                return loading().finish();
            }

            @Override
            public void close() {
                Loading started;
                synchronized (this) {
                    started = loading;
                }
                if (started != null) {
                    started.close();
                }
            }

            private synchronized Loading loading() {
                if (loading == null) {
                    loading = store.join().startLoad(total, progress);
                }
                return loading;
            }
        };
    }

    /**
     * Waits for the store to be open and for its read ahead, and closes it, so that its files and lock are released
     * whatever the load did.
     */
    @Override
    public void close() {
        Startup<Void> reading;
        synchronized (this) {
            reading = readingAhead;
        }
        if (reading != null) {
            try {
                reading.join();
            } catch (RuntimeException readFailed) {
                // a read ahead changes nothing; what failed in it the load was told of, or did not need
            }
        }
        GraphStore opened;
        try {
            opened = store.join();
        } catch (RuntimeException notOpened) {
            // nothing to close; the load was told when it first needed the store
            return;
        }
        opened.close();
    }
}
