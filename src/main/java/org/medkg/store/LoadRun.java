package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.store.StoredGraph.Outcome;

/** The bookkeeping of one load, the same for every store: outcomes, failures and progress. */
final class LoadRun {

    private final List<String> added = new ArrayList<>();
    private final List<String> replaced = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<LoadFailure> failed = new ArrayList<>();
    /** The source file of each graph named so far: names only, so that a long load holds no document it stored. */
    private final Map<String, String> sourceByGraph = new HashMap<>();
    /** The documents of the current window that have been dealt with. */
    private final Set<ConvertedDocument> dealtWith = Collections.newSetFromMap(new IdentityHashMap<>());
    private final LoadProgress progress;
    private final int total;
    private int done;

    /** Starts a load of {@code total} documents, given in windows. */
    LoadRun(int total, LoadProgress progress) {
        this.progress = requireNonNull(progress, "progress");
        this.total = total;
    }

    /**
     * The next window's documents to store, in batches of at most {@code batchSize} (one write each), in the order
     * given; a document naming a graph that a document of this load already named is a failure.
     */
    List<List<ConvertedDocument>> batchesToStore(List<ConvertedDocument> window, int batchSize) {
        List<ConvertedDocument> toStore = documentsToStore(window);
        List<List<ConvertedDocument>> batches = new ArrayList<>();
        for (int from = 0; from < toStore.size(); from += batchSize) {
            batches.add(toStore.subList(from, Math.min(from + batchSize, toStore.size())));
        }
        return batches;
    }

    /**
     * The next window's documents to store, in the order given; a document naming a graph that a document of this
     * load already named is a failure.
     */
    List<ConvertedDocument> documentsToStore(List<ConvertedDocument> window) {
        dealtWith.clear();
        List<ConvertedDocument> toStore = new ArrayList<>();
        for (ConvertedDocument document : window) {
            String first = sourceByGraph.putIfAbsent(document.graphIri(), document.source().sourceFile());
            if (first == null) {
                toStore.add(document);
            } else {
                // Storing both would silently keep only the last one, and every later load would replace it again.
                fail(document, "its graph " + document.graphIri() + " is also the graph of " + first);
            }
        }
        return toStore;
    }

    /** The document has been looked at (maybe not yet committed): moves the progress on, once per document. */
    void dealtWith(ConvertedDocument document) {
        if (dealtWith.add(document)) {
            done++;
            progress.documentDone(done, Math.max(done, total));
        }
    }

    /** The document's outcome is final (its transaction, if any, committed). */
    void record(ConvertedDocument document, Outcome outcome) {
        dealtWith(document);
        record(document.graphIri(), outcome);
    }

    /** The outcome of a document already {@linkplain #dealtWith dealt with} is final. */
    void record(String graphIri, Outcome outcome) {
        switch (outcome) {
            case ADDED -> added.add(graphIri);
            case REPLACED -> replaced.add(graphIri);
            case UNCHANGED -> unchanged.add(graphIri);
        }
    }

    void fail(ConvertedDocument document, RuntimeException cause) {
        fail(document, cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    void fail(ConvertedDocument document, String problem) {
        dealtWith(document);
        failed.add(new LoadFailure(document.graphIri(), document.source().sourceFile(), problem));
    }

    LoadReport report() {
        return new LoadReport(added, replaced, unchanged, failed);
    }
}
