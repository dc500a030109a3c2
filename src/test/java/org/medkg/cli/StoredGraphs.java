package org.medkg.cli;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecutionFactory;
import org.medkg.store.TdbGraphStore;

/** How many document graphs a TDB2 store holds, as a user would count them after a load. */
final class StoredGraphs {

    private StoredGraphs() {
    }

    static long count(Path store) {
        try (TdbGraphStore opened = TdbGraphStore.open(store)) {
            Dataset dataset = opened.dataset();
            return dataset.calculateRead(() -> {
                try (var query = QueryExecutionFactory.create(
                        "SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }", dataset)) {
                    return query.execSelect().next().getLiteral("graphs").getLong();
                }
            });
        }
    }
}
