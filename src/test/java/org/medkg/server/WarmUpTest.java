package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;

/**
 * A server that warms up has asked itself, once started, what its first users ask: the seeds served from a real
 * TDB2 store, the shipped saved queries asked over HTTP after the warm-up.
 */
class WarmUpTest {
    private static final List<Path> SEEDS = List.of(Path.of("data"));

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private ServedDocuments serve(UnaryOperator<MedkgServer.Builder> settings) throws IOException {
        return ServedDocuments.serve(SEEDS, dir.resolve("store"), settings);
    }

    @Test
    void theFirstAsksAfterAWarmUpFindTheirAnswersComputed() throws Exception {
        try (ServedDocuments served = serve(builder -> builder.warmUp(true))) {
            firstAsksFindTheirAnswersComputed(served.server());
        }
    }

    private void firstAsksFindTheirAnswersComputed(MedkgServer server) throws Exception {
        server.warmedUp().get(2, TimeUnit.MINUTES);
        long wholeGraph = server.wholeGraphComputations();
        long pages = server.parameterizedPageComputations();
        List<SavedQuery> shipped = SavedQueries.shipped();
        long parameterized = shipped.stream().filter(WarmUpTest::needsAValue).count();
        assertTrue(pages >= parameterized, pages + " pages computed by the warm-up, for " + parameterized + " queries");
        assertTrue(wholeGraph > shipped.size() - parameterized, wholeGraph + " whole-graph answers and home pages");

        for (String path : WarmUp.paths(shipped)) {
            assertEquals(200, get(server, path).statusCode(), path);
        }
        assertEquals(wholeGraph, server.wholeGraphComputations(), "every whole-graph answer and the home page kept");
        assertEquals(pages, server.parameterizedPageComputations(), "every example's page kept");
    }

    @Test
    void withoutAWarmUpTheFirstAsksComputeTheirAnswers() throws Exception {
        try (ServedDocuments served = serve(UnaryOperator.identity())) {
            MedkgServer server = served.server();
            assertTrue(server.warmedUp().isDone());
            assertEquals(0, server.wholeGraphComputations());
            assertEquals(200, get(server, "api/queries/cities-by-activity").statusCode());
            assertEquals(1, server.wholeGraphComputations(), "computed by the first ask");
        }
    }

    @Test
    void asksTheHomePageThenTheQueriesWithParametersWithTheirExamplesThenTheOthers() throws Exception {
        List<String> paths = WarmUp.paths(SavedQueries.shipped());
        assertEquals("", paths.get(0), "the home page first");
        int firstWholeGraph = paths.indexOf("api/queries/cities-by-activity");
        assertTrue(paths.indexOf("api/queries/event-participants?event=%D0%90%D0%BB%D0%BB%D0%B5%D1%80%D0%B3"
                + "%D0%BE%D0%BB%D0%BE%D0%B3%D0%B8%D1%8F+%D0%B8+%D0%B8%D0%BC%D0%BC%D1%83%D0%BD%D0%BE%D0%BB%D0%BE%D0%B3"
                + "%D0%B8%D1%8F") > 0, paths.toString());
        assertTrue(firstWholeGraph > 0, paths.toString());
        assertTrue(paths.subList(1, firstWholeGraph).stream().allMatch(path -> path.contains("?")), paths.toString());
        assertTrue(paths.subList(firstWholeGraph, paths.size()).stream().noneMatch(path -> path.contains("?")),
                paths.toString());
        assertEquals(1 + SavedQueries.shipped().size(), paths.size(), "every shipped query has its examples");

        SavedQuery withoutExample = SavedQuery.parse("labels-of", "labels-of.rq", """
                #+ summary: The labels of a thing named by its IRI
                SELECT ?label WHERE { ?_entity_iri <http://www.w3.org/2000/01/rdf-schema#label> ?label }
                """);
        assertEquals(List.of(""), WarmUp.paths(List.of(withoutExample)), "a query it cannot run is left out");
    }

    private static boolean needsAValue(SavedQuery query) {
        return query.parameters().stream().anyMatch(parameter -> parameter.required() && parameter.defaultValue() == null);
    }

    private HttpResponse<String> get(MedkgServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.siteUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
