package org.medkg.store;

import java.util.List;
import org.medkg.pipeline.ConvertedDocument;

/**
 * Where converted documents are kept: one named graph per document, named by
 * {@link ConvertedDocument#graphIri()} (see shared/contract/GRAPH.md).
 */
public interface GraphStore extends AutoCloseable {

    /**
     * Starts a load of {@code total} documents, given in windows to {@link Loading#store} (so that a large batch is
     * never held at once) and ended by {@link Loading#finish}.
     */
    Loading startLoad(int total, LoadProgress progress);

    /**
     * Replaces each document's named graph, leaving every other graph as it was. A document whose stored graph
     * has the document's sha256 ({@code ?doc mkg:sha256 ?sha} inside it) is left unchanged. A document that
     * cannot be stored is reported in {@link LoadReport#failed()}; the others are still stored.
     */
    default LoadReport load(List<ConvertedDocument> documents, LoadProgress progress) {
        try (Loading loading = startLoad(documents.size(), progress)) {
            loading.store(documents);
            return loading.finish();
        }
    }

    @Override
    void close();

    /**
     * One load under way, fed window by window. A store may bind its transactions to a thread: all of a load's calls
     * come from one thread.
     */
    interface Loading extends AutoCloseable {

        /**
         * Replaces each document's named graph as {@link GraphStore#load} does. What is stored when this returns
         * stays stored if the process is then killed, but in a load into an empty store, which a store may commit at
         * {@link #finish} only: a kill then leaves the store as empty as it was.
         */
        void store(List<ConvertedDocument> window);

        /** Ends the load: what it did, over all its windows. */
        LoadReport finish();

        /** Called after {@link #finish}, or instead of it when the load breaks off: drops what was not committed. */
        @Override
        default void close() {
        }
    }
}
