package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.StoreGraphs;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;

/**
 * Every saved query that reads the summary graph answers what the same query answers over the union of the
 * documents' graphs (the query as it was before the summary), on the seeds and the hemcenter articles loaded into a
 * real TDB2 store by {@code load}'s own store. Run with {@code -Dgroups=corpus-queries}.
 */
@Tag("corpus-queries")
class SummaryQueriesTest {

    @TempDir
    static Path folder;
    private static TdbGraphStore store;
    private static QueryRunner runner;

    @BeforeAll
    static void load() {
        Path hemcenter = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
        assumeTrue(Files.isDirectory(hemcenter), "no shared corpus at " + hemcenter);
        List<ConvertedDocument> documents = Converter.standard().convert(List.of(Path.of("data"), hemcenter),
                e -> { throw new AssertionError(e.getMessage(), e); });
        store = TdbGraphStore.open(folder.resolve("store"));
        store.load(documents, LoadProgress.none());
        runner = QueryRunner.local(store.dataset());
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    /** Each saved query with parameters a reader of these documents would give. */
    static List<Arguments> queries() {
        return List.of(
                Arguments.of("events-by-year", Map.of("year", "2024")),
                Arguments.of("events-by-city", Map.of("city", "Алматы")),
                Arguments.of("events-by-type", Map.of("type", "Course")),
                Arguments.of("events-in-date-range", Map.of("from", "2019-01-01", "to", "2024-12-31")),
                Arguments.of("event-participants", Map.of("event", "Заседание Международного объединенного совета")),
                Arguments.of("participant-cities", Map.of("event", "Заседание Международного объединенного совета")),
                Arguments.of("expert-profile", Map.of("name", "Клодзинский")),
                Arguments.of("experts-by-qualification", Map.of("qualification", "д.м.н.")),
                Arguments.of("documents-mentioning", Map.of("entity", "Нестерова")),
                Arguments.of("organizers-and-sponsors", Map.of()),
                Arguments.of("organizers-and-sponsors", Map.of("organization", "Центр гематологии")),
                Arguments.of("organizations-by-city", Map.of("city", "Караганда")),
                Arguments.of("organizations-by-activity", Map.of()),
                Arguments.of("people-who-met", Map.of()),
                Arguments.of("most-connected-experts", Map.of()),
                Arguments.of("cross-border-participation", Map.of()),
                Arguments.of("cross-border-participation", Map.of("country", "Казахстан")),
                Arguments.of("cities-by-activity", Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("queries")
    void readsTheSameAnswersFromTheSummaryAsFromTheUnion(String name, Map<String, String> values) throws Exception {
        SavedQuery saved = Fixture.saved(name);
        SavedQuery overTheUnion = overTheUnion(saved);
        assertFalse(saved.query().toString().equals(overTheUnion.query().toString()), name + " reads the summary");

        List<Map<String, String>> summarized = Rows.of(runner.select(saved, values));
        List<Map<String, String>> union = Rows.of(runner.select(overTheUnion, values));

        assertFalse(union.isEmpty(), name + " finds something in these documents");
        assertEquals(union, summarized);
    }

    /** The same query with every {@code GRAPH <summary> { P }} read as {@code P}, over the union. */
    private static SavedQuery overTheUnion(SavedQuery saved) throws Exception {
        Query unwrapped = QueryTransformOps.transform(saved.query(), new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementNamedGraph graph, Node name, Element inside) {
                return StoreGraphs.SUMMARY.equals(name) ? inside : super.transform(graph, name, inside);
            }
        });
        String header = Files.readString(Fixture.QUERIES.resolve(saved.name() + ".rq")).lines().filter(line -> line.startsWith("#+")).collect(Collectors.joining("\n"));
        return SavedQuery.parse(saved.name(), "union", header + "\n" + unwrapped);
    }
}
