package org.medkg.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The store read pattern by pattern for one piece of work (a page, a description), inside its read transaction:
 * by node id for a TDB2 store ({@link NodeIdScans}), through {@link DatasetGraph#find} for any other (a remote one).
 * The default graph holds no document's facts and is not read.
 */
public interface PatternReads {

    /** Reads of {@code dataset}: by node id when it is a TDB2 store, through any wrappers. */
    static PatternReads of(DatasetGraph dataset) {
        return NodeIdScans.of(dataset).<PatternReads>map(scans -> scans).orElseGet(() -> new DatasetReads(dataset));
    }

    /**
     * The quads of the documents' graphs matching the pattern ({@link Quad#unionGraph} for the graph: the matching
     * triples of every graph, each once, in that graph).
     */
    List<Quad> quads(Node graph, Node subject, Node predicate, Node object);

    /** The triples matching the pattern in any document's graph, each once however many state it. */
    List<Triple> triples(Node subject, Node predicate, Node object);

    /** Whether a document's graph ({@code graph}, or any) holds a quad matching the pattern. */
    boolean contains(Node graph, Node subject, Node predicate, Node object);

    /** Reads through the dataset's own {@code find}. */
    final class DatasetReads implements PatternReads {
        private final DatasetGraph dataset;

        private DatasetReads(DatasetGraph dataset) {
            this.dataset = dataset;
        }

        @Override
        public List<Quad> quads(Node graph, Node subject, Node predicate, Node object) {
            List<Quad> found = new ArrayList<>();
            dataset.find(graph, subject, predicate, object).forEachRemaining(quad -> {
                if (!quad.isDefaultGraph()) {
                    found.add(quad);
                }
            });
            return found;
        }

        @Override
        public List<Triple> triples(Node subject, Node predicate, Node object) {
            List<Triple> found = new ArrayList<>();
            dataset.find(Quad.unionGraph, subject, predicate, object).forEachRemaining(quad -> found.add(quad.asTriple()));
            return found;
        }

        @Override
        public boolean contains(Node graph, Node subject, Node predicate, Node object) {
            return dataset.contains(graph, subject, predicate, object);
        }
    }
}
