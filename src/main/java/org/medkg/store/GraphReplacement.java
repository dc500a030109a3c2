package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;

/**
 * How a store replaces one named graph, for a writer that is not a load: a Graph Store PUT to the server. A store
 * that has its own way (TDB2: only the difference written, the name index told of each name) leaves it in its
 * dataset's context, where the server finds it.
 */
@FunctionalInterface
public interface GraphReplacement {

    /** Where a dataset's context holds it. */
    Symbol CONTEXT_KEY = Symbol.create("https://w3id.org/medkg/ontology#graphReplacement");

    /**
     * Inside a write transaction of the store's dataset: makes the named graph {@code graphName} hold exactly the
     * triples of {@code graph}, leaving every other graph as it was.
     *
     * @return whether the store held a graph of that name before
     */
    boolean replace(Node graphName, Graph graph);

    /** The replacement of the store behind {@code dataset}, if it has one of its own. */
    static Optional<GraphReplacement> of(DatasetGraph dataset) {
        return Optional.ofNullable(dataset.getContext().get(CONTEXT_KEY));
    }

    /** Leaves {@code replacement} in {@code dataset}'s context for {@link #of}. */
    static void register(DatasetGraph dataset, GraphReplacement replacement) {
        dataset.getContext().set(CONTEXT_KEY, requireNonNull(replacement, "replacement"));
    }
}
