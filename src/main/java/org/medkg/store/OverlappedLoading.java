package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medkg.pipeline.ConvertedDocument;

/**
 * A load whose windows are stored by a thread of their own, so that the caller converts the next window while the
 * last one is written: converting is most of a load's time, and while a window is stored (TDB2, the name index, the
 * commit's sync, or HTTP for a remote store) the converter would otherwise wait.
 *
 * <p>Windows are stored one at a time, in the order given: {@link #store} first waits for the window before, so
 * memory holds at most the window being stored and the one being converted. The documents are resolved before they
 * get here, so what is stored is what a load that waits would store. A store that fails (not one document: the
 * store itself) is reported by the next call, and nothing more is stored; what was committed stays.
 * {@link #close()} waits for the window under way, so a conversion that breaks off loses no window it handed over.
 * Every call reaches the store's load on the one writer thread, since a store's transactions belong to a thread.
 */
public final class OverlappedLoading implements GraphStore.Loading, AutoCloseable {

    private final GraphStore.Loading loading;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "medkg-store");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> storing = CompletableFuture.completedFuture(null);

    public OverlappedLoading(GraphStore.Loading loading) {
        this.loading = requireNonNull(loading, "loading");
    }

    /** Waits for the window before to be stored, then starts storing this one and returns. */
    @Override
    public void store(List<ConvertedDocument> window) {
        stored();
        List<ConvertedDocument> documents = List.copyOf(window);
        storing = writer.submit(() -> loading.store(documents));
    }

    /** Waits for the last window, then ends the load (on the thread that stored the windows). */
    @Override
    public LoadReport finish() {
        stored();
        return result(writer.submit(loading::finish));
    }

    /** Waits for the window under way, if any, closes the load on the thread that stored it and stops the thread. */
    @Override
    public void close() {
        try {
            stored();
            result(writer.submit(loading::close));
        } finally {
            writer.shutdown();
        }
    }

    /** Waits for the window under way; its failure is thrown here, once. */
    private void stored() {
        Future<?> last = storing;
        storing = CompletableFuture.completedFuture(null);
        result(last);
    }

    /** The task's result once it is done; its failure is thrown here as it was thrown in the task. */
    static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store's thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
