package org.medkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * The graphs of a medkg store: one per document (GRAPH.md), and the summary the store keeps beside them
 * ({@code org.medkg.store.EntitySummary}), which restates what the documents say about entities, each statement
 * once. Whatever lists the documents' graphs, or names a fact's stating document, leaves the summary out.
 */
public final class StoreGraphs {

    /** The name of the summary graph, the same in every store whatever its base. */
    public static final Node SUMMARY = NodeFactory.createURI("https://w3id.org/medkg/summary");

    private StoreGraphs() {
    }

    /** Whether a graph of the store holds a document's statements: neither the default graph nor the summary. */
    public static boolean isDocument(Node graph) {
        return graph != null && !Quad.isDefaultGraph(graph) && !SUMMARY.equals(graph);
    }
}
