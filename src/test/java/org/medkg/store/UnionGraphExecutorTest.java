package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medkg.rdf.MKG;

/**
 * The union of the named graphs read by {@link UnionGraphExecutor} answers what TDB2's own union graph answers, row
 * for row, over a store where a hub's facts are stated by a hundred graphs (more than the repeats read before a
 * skip), a few by forty or by one, beside facts of their own in each graph.
 */
class UnionGraphExecutorTest {
    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX id: <http://localhost:3030/id/>
            """;
    private static final String ID = "http://localhost:3030/id/";

    private static Dataset store;

    @BeforeAll
    static void storeWithAHub() {
        store = TDB2Factory.createDataset();
        Node center = NodeFactory.createURI(ID + "organization/center");
        Node almaty = NodeFactory.createURI(ID + "place/almaty");
        Txn.executeWrite(store, () -> {
            DatasetGraph quads = store.asDatasetGraph();
            for (int document = 0; document < 100; document++) {
                Node graph = NodeFactory.createURI("http://localhost:3030/doc/" + document);
                Node person = NodeFactory.createURI(ID + "person/p" + document);
                quads.add(new Quad(graph, center, RDFS.label.asNode(), NodeFactory.createLiteralLang("Центр", "ru")));
                quads.add(new Quad(graph, center, RDF.type.asNode(), MKG.Organization));
                quads.add(new Quad(graph, center, MKG.city, almaty));
                if (document < 40) {
                    quads.add(new Quad(graph, center, RDFS.label.asNode(), NodeFactory.createLiteralLang("Center", "en")));
                    quads.add(new Quad(graph, almaty, RDFS.label.asNode(), NodeFactory.createLiteralLang("Алматы", "ru")));
                }
                if (document == 7) {
                    quads.add(new Quad(graph, center, RDFS.label.asNode(), NodeFactory.createLiteralLang("Орталық", "kk")));
                    quads.add(new Quad(graph, person, MKG.affiliation, person));
                }
                quads.add(new Quad(graph, person, RDF.type.asNode(), MKG.Person));
                quads.add(new Quad(graph, person, RDFS.label.asNode(), NodeFactory.createLiteralString("Person " + document)));
                quads.add(new Quad(graph, person, MKG.affiliation, center));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a hub's labels, its facts, every fact, and what points at it
        "SELECT ?label WHERE { id:organization\\/center rdfs:label ?label }",
        "SELECT ?p ?o WHERE { id:organization\\/center ?p ?o }",
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
        "SELECT ?s ?p WHERE { ?s ?p id:organization\\/center }",
        "SELECT ?s ?o WHERE { ?s rdfs:label ?o }",
        // a triple bound whole, a node the store does not hold, a variable met twice in one triple
        "SELECT * WHERE { id:organization\\/center a mkg:Organization }",
        "SELECT ?o WHERE { id:organization\\/nowhere ?p ?o }",
        "SELECT ?x WHERE { ?x mkg:affiliation ?x }",
        // joins, reordered by the store's statistics, with filters placed among them, optional parts and counts
        "SELECT ?person ?label ?city WHERE { ?person a mkg:Person ; mkg:affiliation ?org . ?org mkg:city ?city ; rdfs:label ?label }",
        "SELECT ?person ?label WHERE { ?person mkg:affiliation ?org ; rdfs:label ?label . ?org rdfs:label ?orgLabel FILTER(LANG(?orgLabel) = \"en\") FILTER(STRENDS(?label, \"7\")) }",
        "SELECT ?org ?label ?cityLabel WHERE { ?org a mkg:Organization . OPTIONAL { ?org rdfs:label ?label FILTER(LANG(?label) = \"kk\") } OPTIONAL { ?org mkg:city/rdfs:label ?cityLabel } }",
        "SELECT ?org (COUNT(DISTINCT ?person) AS ?people) (COUNT(*) AS ?rows) WHERE { ?person mkg:affiliation ?org } GROUP BY ?org",
        // a named graph is read as TDB2 reads it
        "SELECT ?g ?label WHERE { GRAPH ?g { id:organization\\/center rdfs:label ?label } }"
    })
    void answersAsTdb2sOwnUnionGraph(String query) {
        List<String> tdb2 = rows(PREFIXES + query, false);
        assertFalse(tdb2.isEmpty() && !query.contains("nowhere"), "the query finds something: " + query);
        assertEquals(tdb2, rows(PREFIXES + query, true), query);
    }

    /** Each row as text, sorted: both executors give the same rows, not always in the same order. */
    private static List<String> rows(String query, boolean skipping) {
        return Txn.calculateRead(store, () -> {
            QueryExecutionBuilder execution = QueryExecution.dataset(store).query(query);
            if (skipping) {
                UnionGraphExecutor.unionDefaultGraph().forEach(execution::set);
            } else {
                execution.set(TDB2.symUnionDefaultGraph, true);
            }
            try (QueryExecution running = execution.build()) {
                ResultSet results = running.execSelect();
                List<String> rows = new ArrayList<>();
                results.forEachRemaining(row -> rows.add(row.toString()));
                rows.sort(null);
                return rows;
            }
        });
    }
}
