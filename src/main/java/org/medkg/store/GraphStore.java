package org.medkg.store;

import java.util.List;
import org.medkg.pipeline.ConvertedDocument;

/**
 * Where converted documents are kept: one named graph per document, named by
 * {@link ConvertedDocument#graphIri()} (see shared/contract/GRAPH.md).
 */
public interface GraphStore extends AutoCloseable {

    /**
     * Replaces each document's named graph, leaving every other graph as it was. A document whose stored graph
     * has the document's sha256 ({@code ?doc mkg:sha256 ?sha} inside it) is left unchanged. A document that
     * cannot be stored is reported in {@link LoadReport#failed()}; the others are still stored.
     */
    LoadReport load(List<ConvertedDocument> documents, LoadProgress progress);

    @Override
    void close();
}
