package org.medkg.cli;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.tdb2.TDB2;
import org.medkg.store.TdbGraphStore;

/** How many document graphs (and quads, and rows of a name search) a TDB2 store holds, as a user would count them. */
final class StoredGraphs {

    private StoredGraphs() {
    }

    static long count(Path store) {
        return count(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    }

    static long quads(Path store) {
        return count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    }

    /** The rows SPARQL's {@code text:query} gives for {@code name}: one per name stated in a document. */
    static long nameRows(Path store, String name) {
        return count(store, "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "(?entity ?score ?name ?graph) text:query \"" + name + "\" }");
    }

    private static long count(Path store, String query) {
        try (TdbGraphStore opened = TdbGraphStore.open(store)) {
            Dataset dataset = opened.dataset();
            return dataset.calculateRead(() -> {
                // as medkg's SPARQL runs: text:query searches the graph it is asked in, here all of them
                try (var execution = QueryExecution.dataset(dataset).query(query)
                        .set(TDB2.symUnionDefaultGraph, true).build()) {
                    return execution.execSelect().next().getLiteral("n").getLong();
                }
            });
        }
    }
}
