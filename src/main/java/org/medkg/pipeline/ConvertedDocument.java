package org.medkg.pipeline;

import org.apache.jena.graph.Graph;
import org.medkg.document.SourceDocument;

/**
 * One document turned into its named graph (see shared/contract/GRAPH.md).
 *
 * @param source   the document as read
 * @param graphIri the graph's name, which is also the IRI of the document node inside it
 * @param graph    the triples of that graph
 */
public record ConvertedDocument(SourceDocument source, String graphIri, Graph graph) {
}
