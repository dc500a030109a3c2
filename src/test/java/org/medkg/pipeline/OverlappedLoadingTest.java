package org.medkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;
import org.medkg.store.OverlappedLoading;
import org.medkg.store.TdbGraphStore;

/**
 * A load that stores each window while the next is converted stores what a load that waits for each window stores:
 * the same graphs, with the same IRIs and labels, a later window's knowing what earlier ones said.
 */
class OverlappedLoadingTest {

    private static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
    /** Two lines of the seed data/000_be1d552f40914512.txt: the speaker in full, then by initials. */
    private static final String FULL_NAME = "– Нестерова Ирина Вадимовна, д.м.н., профессор, председатель Научного совета "
            + "по медицинской иммунологии Общества клинической адаптологии и медицинской иммунологии (Россия).\n";
    private static final String INITIALS = "«Вторичные иммунодефициты – болезни иммунной системы: инновационные технологии "
            + "диагностики и таргетной иммуномодулирующей терапии» (Нестерова И.В., Москва, Россия).\n";
    private static final int DOCUMENTS_PER_WINDOW = 3;

    @TempDir
    Path dir;

    @Test
    void storingWhileConvertingStoresWhatWaitingForEachWindowStores() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("1-full.txt"), FULL_NAME));
        files.addAll(corpusArticles(10));
        files.add(Files.writeString(dir.resolve("2-initials.txt"), INITIALS));
        Converter converter = Converter.standard();

        LoadReport overlapped;
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("overlapped"));
             OverlappedLoading loading = new OverlappedLoading(store.startLoad(files.size(), LoadProgress.none()))) {
            converter.convert(files, failure -> { throw new AssertionError(failure); }, DOCUMENTS_PER_WINDOW,
                    Long.MAX_VALUE, loading::store);
            overlapped = loading.finish();
        }
        LoadReport waiting;
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("waiting"))) {
            GraphStore.Loading loading = store.startLoad(files.size(), LoadProgress.none());
            converter.convert(files, failure -> { throw new AssertionError(failure); }, DOCUMENTS_PER_WINDOW,
                    Long.MAX_VALUE, loading::store);
            waiting = loading.finish();
        }

        assertEquals(files.size(), overlapped.added().size());
        assertEquals(waiting, overlapped);
        Map<String, Graph> stored = graphs(dir.resolve("overlapped"));
        Map<String, Graph> expected = graphs(dir.resolve("waiting"));
        assertEquals(expected.keySet(), stored.keySet());
        expected.forEach((name, graph) -> assertTrue(graph.isIsomorphicWith(stored.get(name)), name));
        Graph initials = stored.get(converter.documentIri(files.get(files.size() - 1).toString()));
        Node nesterova = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/nesterova-i");
        assertEquals(Set.of("Нестерова Ирина Вадимовна"), labels(initials, nesterova),
                "the fullest name, from the first window");
    }

    /** Some articles of the corpus (none when it is absent: the two sentences still make windows of their own). */
    private static List<Path> corpusArticles(int count) throws IOException {
        if (!Files.isDirectory(HEMCENTER)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(HEMCENTER)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().limit(count).toList();
        }
    }

    private static Map<String, Graph> graphs(Path storeDir) {
        Map<String, Graph> graphs = new TreeMap<>();
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            DatasetGraph dataset = store.dataset().asDatasetGraph();
            dataset.executeRead(() -> dataset.listGraphNodes().forEachRemaining(name -> {
                Graph copy = GraphFactory.createDefaultGraph();
                dataset.getGraph(name).find().forEachRemaining(copy::add);
                graphs.put(name.getURI(), copy);
            }));
        }
        return graphs;
    }

    private static Set<String> labels(Graph graph, Node entity) {
        Set<String> labels = new TreeSet<>();
        graph.find(entity, RDFS.label.asNode(), Node.ANY)
                .forEachRemaining(t -> labels.add(t.getObject().getLiteralLexicalForm()));
        return labels;
    }
}
