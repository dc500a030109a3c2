package org.medkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.medkg.rdf.MKG;
import org.medkg.search.SearchHit;
import org.medkg.store.DiskUsage;
import org.medkg.store.TdbGraphStore;

/**
 * What a user can tell about a closed store: its size on disk, whether it still awaits compaction, each document
 * graph with its triple count and the sha256 of the document it holds, and the entities the name index finds for
 * some names. Two stores holding the same documents must give the same snapshot, apart from the size.
 *
 * @param searches the IRIs found for each name, every match (not only the best few, whose order depends on index
 *                 statistics that replaced graphs change)
 */
record StoreSnapshot(long diskBytes, boolean compactionDue, Map<String, Graph> graphs,
                     Map<String, Set<String>> searches) {

    /** A document graph: how many triples, and the sha256 its document node records (null if none). */
    record Graph(long triples, String sha256) {
    }

    /** Matches enough for any name of the corpus. */
    private static final int ALL_MATCHES = 1000;

    /** Takes the snapshot; the size is measured before the store is opened, since opening may compact it. */
    static StoreSnapshot of(Path dir, List<String> names) throws IOException, InterruptedException {
        long size = DiskUsage.of(dir);
        boolean due = Files.exists(dir.resolve("compaction-due"));
        try (TdbGraphStore store = TdbGraphStore.open(dir)) {
            Dataset dataset = store.dataset();
            Map<String, Graph> graphs = dataset.calculateRead(() -> {
                Map<String, Long> counts = new TreeMap<>();
                select(dataset, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                        row -> counts.put(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
                Map<String, String> shas = new TreeMap<>();
                select(dataset, "SELECT ?g ?sha WHERE { GRAPH ?g { ?d <" + MKG.sha256.getURI() + "> ?sha } }",
                        row -> shas.put(row.getResource("g").getURI(), row.getLiteral("sha").getLexicalForm()));
                Map<String, Graph> byName = new TreeMap<>();
                counts.forEach((graph, triples) -> byName.put(graph, new Graph(triples, shas.get(graph))));
                return byName;
            });
            Map<String, Set<String>> searches = new TreeMap<>();
            for (String name : names) {
                searches.put(name, store.names().search(name, ALL_MATCHES, new AtomicBoolean()).stream()
                        .map(SearchHit::iri).collect(Collectors.toCollection(TreeSet::new)));
            }
            return new StoreSnapshot(size, due, graphs, searches);
        }
    }

    /** The names to search for: the persons' labels of a store (at most {@code limit}, in order), closed after. */
    static List<String> personNames(Path dir, int limit) {
        try (TdbGraphStore store = TdbGraphStore.open(dir)) {
            Dataset dataset = store.dataset();
            return dataset.calculateRead(() -> {
                List<String> names = new ArrayList<>();
                select(dataset, "SELECT DISTINCT ?name WHERE { GRAPH ?g { ?p a <" + MKG.Person.getURI()
                                + "> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } } ORDER BY ?name LIMIT "
                                + limit,
                        row -> names.add(row.getLiteral("name").getLexicalForm()));
                return names;
            });
        }
    }

    /** How this store differs from the reference, which holds the same documents. */
    Differences against(StoreSnapshot reference) {
        List<String> lost = new ArrayList<>();
        List<String> halfWritten = new ArrayList<>();
        List<String> otherVersion = new ArrayList<>();
        reference.graphs.forEach((name, expected) -> {
            Graph found = graphs.get(name);
            if (found == null) {
                lost.add(name);
            } else if (found.triples() != expected.triples()) {
                halfWritten.add(name + " (" + found.triples() + " triples, reference " + expected.triples() + ")");
            } else if (!Objects.equals(found.sha256(), expected.sha256())) {
                otherVersion.add(name);
            }
        });
        List<String> extra = graphs.keySet().stream().filter(name -> !reference.graphs.containsKey(name)).toList();
        List<String> searchesDiffering = reference.searches.entrySet().stream()
                .filter(search -> !search.getValue().equals(searches.get(search.getKey())))
                .map(search -> search.getKey() + ": " + searches.get(search.getKey()) + ", reference "
                        + search.getValue())
                .toList();
        return new Differences(lost, halfWritten, otherVersion, extra, searchesDiffering);
    }

    /**
     * @param lost         reference graphs missing
     * @param halfWritten  graphs present with another triple count than the reference's
     * @param otherVersion graphs with the reference's triple count but another document's sha256 (not replaced)
     * @param extra        graphs the reference does not have
     * @param searches     names for which the name index finds other entities than the reference's
     */
    record Differences(List<String> lost, List<String> halfWritten, List<String> otherVersion, List<String> extra,
                       List<String> searches) {
        boolean none() {
            return lost.isEmpty() && halfWritten.isEmpty() && otherVersion.isEmpty() && extra.isEmpty()
                    && searches.isEmpty();
        }
    }

    private static void select(Dataset dataset, String query, Consumer<QuerySolution> each) {
        try (var execution = QueryExecutionFactory.create(query, dataset)) {
            ResultSet rows = execution.execSelect();
            rows.forEachRemaining(each);
        }
    }
}
