package org.medkg.store;

import org.medkg.pipeline.ConvertedDocument;

/**
 * What a store holds under a graph name before a load: nothing, or a graph with its {@code mkg:sha256}
 * (null when the graph has none, as graphs written by older converters may).
 */
record StoredGraph(boolean exists, String sha256) {

    static final StoredGraph ABSENT = new StoredGraph(false, null);

    /** What storing {@code document} over this graph amounts to. */
    Outcome outcomeOfStoring(ConvertedDocument document) {
        if (!exists) {
            return Outcome.ADDED;
        }
        String newSha = document.source().sha256();
        return newSha != null && newSha.equals(sha256) ? Outcome.UNCHANGED : Outcome.REPLACED;
    }

    enum Outcome { ADDED, REPLACED, UNCHANGED }
}
