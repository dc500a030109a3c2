package org.medkg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.medkg.rdf.MKG;

/**
 * The few SPARQL queries publishing runs over the store itself. Values go in by substitution, never spliced into
 * the text. The caller opens the read transaction when several queries must see one state of the store.
 */
final class StoreQueries {
    static final Query ANY_DATA = QueryFactory.create("ASK { GRAPH ?g { ?s ?p ?o } }");
    static final Query DOCUMENT_UNDER = QueryFactory.create("ASK { GRAPH ?g { ?doc a <" + MKG.Document.getURI()
            + "> } FILTER(STRSTARTS(STR(?doc), ?prefix)) }");
    static final Query DISTINCT_TRIPLES = QueryFactory.create(
            "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
    static final Query ENTITIES_UNDER = QueryFactory.create(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?class } FILTER(STRSTARTS(STR(?s), ?prefix)) }");
    static final Query CLASS_PARTITIONS = QueryFactory.create(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?class } } GROUP BY ?class ORDER BY ?class");
    static final Query PREDICATES = QueryFactory.create("SELECT DISTINCT ?p { GRAPH ?g { ?s ?p ?o } }");

    private StoreQueries() {
    }

    static boolean ask(DatasetGraph dataset, Query query, Map<String, Node> values) {
        try (QueryExec execution = execution(dataset, query, values)) {
            return execution.ask();
        }
    }

    /** The rows of a SELECT, each turned into a value by {@code row}. */
    static <T> List<T> select(DatasetGraph dataset, Query query, Map<String, Node> values,
                              Function<Binding, T> row) {
        List<T> rows = new ArrayList<>();
        try (QueryExec execution = execution(dataset, query, values)) {
            execution.select().forEachRemaining(binding -> rows.add(row.apply(binding)));
        }
        return rows;
    }

    /** The one number a COUNT query answers. */
    static long count(DatasetGraph dataset, Query query, Map<String, Node> values) {
        return select(dataset, query, values, binding -> ((Number) binding.get("n").getLiteralValue()).longValue()).get(0);
    }

    static Node string(String value) {
        return NodeFactory.createLiteralString(value);
    }

    private static QueryExec execution(DatasetGraph dataset, Query query, Map<String, Node> values) {
        QueryExecBuilder builder = QueryExec.dataset(dataset).query(query);
        values.forEach(builder::substitution);
        return builder.build();
    }
}
