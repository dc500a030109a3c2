package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.medkg.rdf.MKG;
import org.medkg.store.PatternReads;

/**
 * The subjects linking to an entity, counted by {@code mkgf:subjectCount}, are those a grouping counts: over what the
 * converter makes of the seeds and the hemcenter articles, where the hematology center is named by most documents, in
 * a TDB2 store (read by node id) and in a store of any other kind (read through its finds).
 */
class SubjectCountTest {
    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX mkgf: <https://w3id.org/medkg/function#>
            """;

    /** Every organization's people and the events it organized or sponsored, by the function and by a grouping. */
    @Test
    void countsWhatAGroupingCounts() {
        Dataset corpus = ConvertedCorpus.seedsAndHemcenter();
        List<String> grouped = Rows.selected(corpus, PREFIXES + """
                SELECT ?organization (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?event) AS ?events) WHERE {
                  { SELECT DISTINCT ?organization WHERE { ?organization a mkg:Organization } }
                  OPTIONAL { { ?person mkg:affiliation ?organization }
                             UNION { ?event mkg:organizer|mkg:sponsor ?organization } }
                }
                GROUP BY ?organization
                ORDER BY ?organization
                """);
        String counted = PREFIXES + """
                SELECT ?organization ?people ?events WHERE {
                  { SELECT DISTINCT ?organization WHERE { ?organization a mkg:Organization } }
                  ?people mkgf:subjectCount (?organization mkg:affiliation) .
                  ?events mkgf:subjectCount (?organization mkg:organizer mkg:sponsor) .
                }
                ORDER BY ?organization
                """;
        assertEquals(grouped, Rows.selected(corpus, counted), "TDB2");
        // a store of another kind has no union default graph to find the organizations in: counted for each directly
        Dataset inMemory = DatasetFactory.createTxnMem();
        Txn.executeRead(corpus, () -> Txn.executeWrite(inMemory,
                () -> corpus.asDatasetGraph().find().forEachRemaining(inMemory.asDatasetGraph()::add)));
        List<Node> organizations = Rows.selectedRows(corpus, PREFIXES + """
                SELECT DISTINCT ?organization WHERE { ?organization a mkg:Organization } ORDER BY ?organization
                """).stream().map(row -> NodeFactory.createURI(row.get("organization"))).toList();
        PatternReads reads = PatternReads.of(inMemory.asDatasetGraph());
        assertEquals(grouped, Txn.calculateRead(inMemory, () -> organizations.stream().map(organization -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("organization", organization.getURI());
            row.put("people", Integer.toString(reads.subjectCount(organization, Set.of(MKG.affiliation))));
            row.put("events", Integer.toString(reads.subjectCount(organization, Set.of(MKG.organizer, MKG.sponsor))));
            return row.toString();
        }).toList()), "in memory");
        // the corpus has a hub for the function to count: the center that most articles name
        assertTrue(grouped.stream().anyMatch(row -> row.matches(".*people=(\\d{2,}).*")), grouped.toString());
    }

    @Test
    void aSubjectStatedByManyGraphsAndPredicatesCountsOnce() {
        Node center = NodeFactory.createURI("urn:x:center");
        Node school = NodeFactory.createURI("urn:x:school");
        DatasetGraph store = DatasetFactory.createTxnMem().asDatasetGraph();
        for (Node graph : List.of(NodeFactory.createURI("urn:x:doc-ru"), NodeFactory.createURI("urn:x:doc-kk"))) {
            store.add(graph, school, MKG.organizer, center);
            store.add(graph, school, MKG.sponsor, center);
            store.add(graph, NodeFactory.createURI("urn:x:course"), MKG.sponsor, center);
        }
        PatternReads reads = PatternReads.of(store);
        assertEquals(2, reads.subjectCount(center, Set.of(MKG.organizer, MKG.sponsor)));
        assertEquals(1, reads.subjectCount(center, Set.of(MKG.organizer)));
        assertEquals(0, reads.subjectCount(school, Set.of(MKG.organizer)));
    }

    @Test
    void anEntityNothingLinksToCountsZero() {
        String nothing = PREFIXES + """
                SELECT ?n WHERE { ?n mkgf:subjectCount (<urn:x:no-such-center> mkg:affiliation) }
                """;
        assertEquals(List.of(Map.of("n", "0").toString()), Rows.selected(ConvertedCorpus.seedsAndHemcenter(), nothing));
    }

    @Test
    void refusesArgumentsItCannotCount() {
        Dataset corpus = ConvertedCorpus.seedsAndHemcenter();
        assertThrows(QueryExecException.class, () -> Rows.selected(corpus, PREFIXES + """
                SELECT * WHERE { ?n mkgf:subjectCount (?organization mkg:affiliation) }
                """));
        assertThrows(QueryExecException.class, () -> Rows.selected(corpus, PREFIXES + """
                SELECT * WHERE { ?n mkgf:subjectCount (<urn:x:center> "mkg:affiliation") }
                """));
    }
}
