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
 * <p>A store that cannot be opened is told where the load first needs it, as the store's own failure: at its first
 * window or at its end. A store that another process holds is best told before any conversion: check that first
 * ({@link org.medkg.store.StoreInUseException#ifHeldElsewhere}).
 */
final class OpeningStore implements GraphStore {

    private final Startup<GraphStore> store;

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

    /** Waits for the store to be open and closes it, so that its files and lock are released whatever the load did. */
    @Override
    public void close() {
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
