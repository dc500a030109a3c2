package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.rdf.MKG;
import org.medkg.store.NodeLinks;
import org.medkg.store.PatternReads;

/**
 * The pairs that share the most subjects, counted by {@code mkgf:sharedSubjects}, are the pairs a SPARQL grouping
 * ranks first: over what the converter makes of the seeds and the hemcenter articles, in a TDB2 store (read by node
 * id) and in a store of any other kind (read through its finds).
 */
class SharedSubjectsTest {
    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX mkgf: <https://w3id.org/medkg/function#>
            """;

    private static Dataset corpus;

    @BeforeAll
    static void convert() {
        corpus = ConvertedCorpus.seedsAndHemcenter();
    }

    /** The people who were speakers or participants at the same events, by the function and by a grouping. */
    @ParameterizedTest(name = "at least {0} events, the first {1} pairs")
    @CsvSource({"1, 1000", "1, 7", "2, 1000", "2, 3", "3, 1000", "5, 1000", "2, 0"})
    void givesThePairsAGroupingRanksFirst(int min, int limit) {
        List<String> grouped = Rows.selected(corpus, PREFIXES + """
                SELECT ?first ?second (COUNT(DISTINCT ?event) AS ?shared) WHERE {
                  VALUES ?firstRole { mkg:speaker mkg:participant }
                  VALUES ?secondRole { mkg:speaker mkg:participant }
                  ?event ?firstRole ?first ; ?secondRole ?second .
                  FILTER(isIRI(?first) && isIRI(?second) && STR(?first) < STR(?second))
                }
                GROUP BY ?first ?second
                HAVING (COUNT(DISTINCT ?event) >= %d)
                ORDER BY DESC(?shared) ?first ?second
                LIMIT %d
                """.formatted(min, limit));
        String counted = PREFIXES + """
                SELECT ?first ?second ?shared WHERE {
                  (?first ?second ?shared) mkgf:sharedSubjects (%d %d mkg:speaker mkg:participant)
                }
                """.formatted(min, limit);
        assertEquals(grouped, Rows.selected(corpus, counted), "TDB2");
        Dataset inMemory = DatasetFactory.createTxnMem();
        Txn.executeRead(corpus, () -> Txn.executeWrite(inMemory,
                () -> corpus.asDatasetGraph().find().forEachRemaining(inMemory.asDatasetGraph()::add)));
        assertEquals(grouped, Rows.selected(inMemory, counted), "in memory");
        assertEquals(limit == 0, grouped.isEmpty(), grouped.toString());
    }

    /** people-who-met, as shipped, names the pairs the grouping it replaced ranked first, with their counts. */
    @Test
    void peopleWhoMetNamesThePairsTheGroupingRanksFirst() throws BadParameterException {
        List<Map<String, String>> met = Rows.of(QueryRunner.local(corpus).select(Fixture.saved("people-who-met"),
                Map.of("min", "3")));
        // Пивоварова and Клодзинский lectured at the hemostasis school in Балхаш (2021), spoke at the patient school
        // there (2022) and at the hematopathology conference (2023)
        assertTrue(met.stream().anyMatch(pair -> (pair.get("firstLabel") + pair.get("secondLabel"))
                .matches(".*Пивоварова.*Клодзинский.*|.*Клодзинский.*Пивоварова.*")), met.toString());
        List<String> grouped = Rows.selected(corpus, PREFIXES + """
                SELECT ?first ?second (COUNT(DISTINCT ?event) AS ?sharedEvents) WHERE {
                  VALUES ?firstRole { mkg:speaker mkg:participant }
                  VALUES ?secondRole { mkg:speaker mkg:participant }
                  ?event ?firstRole ?first ; ?secondRole ?second .
                  FILTER(STR(?first) < STR(?second))
                }
                GROUP BY ?first ?second
                HAVING (COUNT(DISTINCT ?event) >= 3)
                ORDER BY ?first ?second
                """);
        assertEquals(grouped, met.stream()
                .sorted(Comparator.comparing((Map<String, String> pair) -> pair.get("first"))
                        .thenComparing(pair -> pair.get("second")))
                .map(pair -> new TreeMap<>(Map.of("first", pair.get("first"), "second", pair.get("second"),
                        "sharedEvents", pair.get("sharedEvents"))).toString())
                .toList());
    }

    @Test
    void aLinkStatedByManyGraphsAndRolesCountsOnce() {
        Node lecture = NodeFactory.createURI("urn:x:lecture");
        Node school = NodeFactory.createURI("urn:x:school");
        Node ru = NodeFactory.createURI("urn:x:doc-ru");
        Node kk = NodeFactory.createURI("urn:x:doc-kk");
        DatasetGraph store = DatasetFactory.createTxnMem().asDatasetGraph();
        for (Node event : List.of(lecture, school)) {
            for (Node graph : List.of(ru, kk)) {
                store.add(graph, event, MKG.speaker, person("b"));
                store.add(graph, event, MKG.participant, person("b"));
                store.add(graph, event, MKG.participant, person("a"));
            }
        }
        store.add(ru, lecture, MKG.participant, NodeFactory.createLiteralString("a name, not a person"));
        store.add(ru, school, MKG.participant, NodeFactory.createBlankNode());
        List<SharedSubjects.Pair> pairs = SharedSubjects.best(
                PatternReads.of(store).links(Set.of(MKG.speaker, MKG.participant)), 1, 10,
                new AtomicBoolean());
        assertEquals(List.of(new SharedSubjects.Pair(person("a"), person("b"), 2)), pairs);
    }

    @Test
    void tiesAreRankedByTheFirstsIriThenTheSeconds() {
        // events 1 and 2 hold c, b, a; event 3 holds d and c: every pair of a, b, c met twice, c and d once
        NodeLinks links = links(Map.of(1L, List.of(3L, 2L, 1L), 2L, List.of(1L, 3L, 2L), 5L, List.of(4L, 3L)));
        assertEquals("a-b 2, a-c 2, b-c 2, c-d 1", pairs(links, 1, 10));
        assertEquals("a-b 2, a-c 2", pairs(links, 2, 2));
        assertEquals("", pairs(links, 3, 10));
    }

    @Test
    void stopsWhenItsWorkIsCancelled() {
        NodeLinks links = links(Map.of(1L, List.of(1L, 2L)));
        assertThrows(QueryCancelledException.class, () -> SharedSubjects.best(links, 1, 10, new AtomicBoolean(true)));
    }

    @Test
    void refusesArgumentsItCannotCount() {
        assertThrows(QueryExecException.class, () -> Rows.selected(corpus, PREFIXES + """
                SELECT * WHERE { (?first ?second ?shared) mkgf:sharedSubjects ("two" 10 mkg:speaker) }
                """));
        assertThrows(QueryExecException.class, () -> Rows.selected(corpus, PREFIXES + """
                SELECT * WHERE { (?first ?second ?shared) mkgf:sharedSubjects (2 10 "mkg:speaker") }
                """));
    }

    private static Node person(String letter) {
        return NodeFactory.createURI("urn:x:person-" + letter);
    }

    /** Links from events to people, each a number; person n is urn:x:person- and the n-th letter. */
    private static NodeLinks links(Map<Long, List<Long>> peopleByEvent) {
        List<long[]> pairs = peopleByEvent.entrySet().stream().flatMap(event -> event.getValue().stream()
                .map(person -> new long[] {event.getKey(), person})).toList();
        return new NodeLinks(pairs.stream().mapToLong(pair -> pair[0]).toArray(),
                pairs.stream().mapToLong(pair -> 100 + pair[1]).toArray(),
                number -> number >= 100 ? person(String.valueOf((char) ('a' + number - 101)))
                        : NodeFactory.createURI("urn:x:event-" + number));
    }

    private static String pairs(NodeLinks links, int min, int limit) {
        return SharedSubjects.best(links, min, limit, new AtomicBoolean()).stream()
                .map(pair -> pair.first().getURI().substring(13) + "-" + pair.second().getURI().substring(13) + " "
                        + pair.shared())
                .collect(Collectors.joining(", "));
    }
}
