package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.query.QueryParameter;
import org.medkg.query.QueryRunner;
import org.medkg.query.ResultFormat;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.server.MedkgServer;
import org.medkg.server.ServedDocuments;
import org.medkg.store.TdbGraphStore;

/**
 * The answers of saved queries run with no parameter, which read the whole graph, are kept per data version of the
 * served store: a real medkg server on a free loopback port over a real TDB2 store, written to as a user would (load
 * --endpoint, SPARQL Update, Graph Store PUT). What is counted is the server's own count of computations.
 */
class WholeGraphAnswersTest {
    private static final Path SEEDS = Path.of("data");
    /** A hemcenter article (three languages) beside the seeds, when ../shared is there: more people and events. */
    private static final Path ARTICLE = ServedDocuments.HEMCENTER.resolve("2019-03-16-eha-tutorial");
    private static final String USER = "editor";
    private static final String PASSWORD = "s3cret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TdbGraphStore store;
    private MedkgServer server;
    private Path documents;
    /** The saved queries that take no required parameter: each reads the whole graph when run without one. */
    private List<SavedQuery> wholeGraph;

    @BeforeEach
    void serveSeedsLoadedOverHttp() throws Exception {
        store = TdbGraphStore.open(dir.resolve("store"));
        store.compactInBackground(ServeCommand.COMPACTION_QUIET);
        // the counts below are of what requests compute: no answer is computed again unasked within a test
        server = serving().wholeGraphRefreshQuiet(Duration.ofMinutes(10)).build().start();
        documents = Files.createDirectories(dir.resolve("documents"));
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, documents.resolve(seed.getFileName()));
            }
        }
        List<String> load = new ArrayList<>(List.of("load", "--endpoint", server.datasetUrl(), "--user", USER,
                "--password", PASSWORD, documents.toString()));
        if (Files.isDirectory(ARTICLE)) {
            load.add(ARTICLE.toString());
        }
        CommandRun loaded = CommandRun.run(load.toArray(String[]::new));
        assertEquals(ExitCodes.OK, loaded.status(), loaded.err());
        wholeGraph = SavedQueries.load(Path.of("queries"), e -> {
            throw new AssertionError(e.getMessage(), e);
        }).stream().filter(query -> query.parameters().stream().noneMatch(QueryParameter::required)).toList();
        assertTrue(wholeGraph.stream().map(SavedQuery::name).toList().containsAll(List.of("people-who-met",
                "most-connected-experts", "organizers-and-sponsors", "cross-border-participation",
                "cities-by-activity", "organizations-by-activity")), "the queries that read the whole graph");
    }

    @AfterEach
    void stopServer() {
        server.stop();
        store.close();
    }

    @Test
    @Timeout(300)
    void eachAnswerIsComputedOnceAndIsWhatRunningTheQueryGivesInEveryFormat() throws Exception {
        long before = server.wholeGraphComputations();
        for (SavedQuery query : wholeGraph) {
            for (ResultFormat format : ResultFormat.values()) {
                String fresh = fresh(query, format);
                assertEquals(fresh, get(query.name(), format), query.name() + " as " + format);
                assertEquals(fresh, get(query.name(), format), query.name() + " as " + format + ", asked again");
            }
        }
        assertEquals(wholeGraph.size(), server.wholeGraphComputations() - before,
                "one computation per query, whatever the format and however often it is asked");
        assertTrue(rows(query("organizers-and-sponsors")) > 0 && rows(query("cities-by-activity")) > 0,
                "the store gives the queries rows to answer");
    }

    @Test
    @Timeout(300)
    void everyWritePathChangesTheNextAnswerAndAnAbortedWriteDoesNot() throws Exception {
        Map<String, String> first = answers();

        // load --endpoint of a changed document: the first seed cut to its first 40 lines
        Path changed = documents.resolve("000_be1d552f40914512.txt");
        Files.writeString(changed, String.join("\n", Files.readAllLines(changed).subList(0, 40)) + "\n");
        CommandRun reload = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", USER,
                "--password", PASSWORD, changed.toString());
        assertEquals(ExitCodes.OK, reload.status(), reload.err());
        Map<String, String> afterLoad = answersAsFresh("after load --endpoint of a changed document");
        assertNotEquals(first, afterLoad, "cutting a seed changes some whole-graph answer");

        // Graph Store PUT of a graph with an event, its organizer and its city
        String graph = "http://localhost:3030/doc/test/put.md";
        putEventWithOrganizer(graph);
        Map<String, String> afterPut = answersAsFresh("after a Graph Store PUT");
        assertNotEquals(afterLoad, afterPut, "an event with an organizer changes organizers-and-sponsors");

        // SPARQL Update dropping that graph again
        HttpResponse<String> update = HTTP.send(authorized(server.updateUrl().orElseThrow())
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP GRAPH <" + graph + ">")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() / 100 == 2, "update: " + update.statusCode() + " " + update.body());
        assertEquals(afterLoad, answersAsFresh("after a SPARQL Update"), "the same graph as before the PUT");

        // a write transaction on the served store that aborts changes nothing: the kept answers stay
        long computed = server.wholeGraphComputations();
        DatasetGraph served = store.dataset().asDatasetGraph();
        served.begin(ReadWrite.WRITE);
        try {
            served.add(Quad.create(NodeFactory.createURI(graph), NodeFactory.createURI(graph + "#event"),
                    NodeFactory.createURI("https://w3id.org/medkg/ontology#organizer"),
                    NodeFactory.createURI(graph + "#organizer")));
        } finally {
            served.abort();
            served.end();
        }
        // and so does an update that fails half-way (its LOAD finds nothing listening), which Fuseki aborts
        HttpResponse<String> failed = HTTP.send(authorized(server.updateUrl().orElseThrow())
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <" + graph + "> { <" + graph
                        + "#e> a <https://w3id.org/medkg/ontology#Event> } } ; LOAD <http://127.0.0.1:9/none.ttl>"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(failed.statusCode() >= 400, "the failing update fails: " + failed.statusCode());
        assertEquals(afterLoad, answersAsFresh("after two aborted writes"));
        assertEquals(computed, server.wholeGraphComputations(), "nothing computed again after aborted writes");
    }

    @Test
    @Timeout(300)
    void aDocumentReloadedWithALineThatNamesNoOneComputesNoAnswerAgain() throws Exception {
        Map<String, String> first = answersAsFresh("as loaded");
        long computed = server.wholeGraphComputations();

        reloadWithACorrectedLine();
        assertEquals(first, answersAsFresh("after the corrected document"));
        assertEquals(computed, server.wholeGraphComputations(), "its graph changed by its sha256 alone, which no "
                + "saved query reads");
    }

    @Test
    @Timeout(300)
    void concurrentFirstRequestsWaitForOneComputation() throws Exception {
        int clients = 8;
        for (int round = 0; round < 3; round++) {
            // a write first, of a participant, which both queries read: a new data version whose answers nobody has
            // computed yet
            HttpResponse<String> update = HTTP.send(authorized(server.updateUrl().orElseThrow())
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://localhost:3030/doc/test/"
                            + round + ".md> { <http://localhost:3030/doc/test/" + round + ".md#event> "
                            + "<https://w3id.org/medkg/ontology#participant> <http://localhost:3030/id/person/test-"
                            + round + "> } }")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(update.statusCode() / 100 == 2, "update: " + update.statusCode() + " " + update.body());
            for (String name : List.of("people-who-met", "cross-border-participation")) {
                long before = server.wholeGraphComputations();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService threads = Executors.newFixedThreadPool(clients);
                try {
                    List<Future<String>> bodies = new ArrayList<>();
                    for (int i = 0; i < clients; i++) {
                        bodies.add(threads.submit(() -> {
                            start.await();
                            return get(name, ResultFormat.JSON);
                        }));
                    }
                    start.countDown();
                    String fresh = fresh(query(name), ResultFormat.JSON);
                    for (Future<String> body : bodies) {
                        assertEquals(fresh, body.get(), name);
                    }
                } finally {
                    threads.shutdownNow();
                }
                assertEquals(1, server.wholeGraphComputations() - before,
                        name + ": " + clients + " first requests, round " + round);
            }
        }
    }

    @Test
    @Timeout(300)
    void pagesAreCutFromTheKeptWholeAnswer() throws Exception {
        String whole = get("organizations-by-activity", ResultFormat.CSV);
        List<String> rows = whole.lines().skip(1).toList();
        assertTrue(rows.size() > 4, whole);
        long before = server.wholeGraphComputations();
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.siteUrl()
                    + "api/queries/organizations-by-activity?format=csv&size=2&page=" + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Link").orElse("").contains("page=" + (page + 1) + "&size=2"),
                    "a next page: " + response.headers().map());
            paged.addAll(response.body().lines().skip(1).toList());
        }
        assertEquals(rows.subList(0, 4), paged, "pages 1 and 2 are the whole answer's first rows");
        assertEquals(before, server.wholeGraphComputations(), "a page is cut from the kept answer, not computed");
        assertEquals(whole, get("organizations-by-activity", ResultFormat.CSV), "the kept answer is still whole");
    }

    @Test
    @Timeout(300)
    void aRunWithParametersIsKeptByPageApartFromWholeGraphAnswersUntilAWrite() throws Exception {
        long whole = server.wholeGraphComputations();
        long pages = server.parameterizedPageComputations();
        String year2030 = csv("/api/queries/events-by-year?year=2030");
        // the default given explicitly, and the default page, are the same page
        assertEquals(year2030, csv("/api/queries/events-by-year?year=2030&lang=ru"));
        assertEquals(year2030, csv("/api/queries/events-by-year?year=2030&page=1&size=100"));
        assertEquals(pages + 1, server.parameterizedPageComputations(), "one computation for the three requests");
        String organizers = csv("/api/queries/organizers-and-sponsors?organization="
                + URLEncoder.encode("центр", StandardCharsets.UTF_8));
        assertTrue(organizers.lines().count() > 1, organizers);
        assertEquals(organizers, csv("/api/queries/organizers-and-sponsors?organization="
                + URLEncoder.encode("центр", StandardCharsets.UTF_8)));
        csv("/api/queries/events-by-year?year=2030&lang=en");
        assertEquals(pages + 3, server.parameterizedPageComputations(), "another query, another language");
        assertEquals(whole, server.wholeGraphComputations(), "no whole-graph answer computed for them");

        // a Graph Store PUT of an event in 2030: the kept page is not served after it
        String graph = "http://localhost:3030/doc/test/put.md";
        putEventWithOrganizer(graph);
        String afterPut = csv("/api/queries/events-by-year?year=2030");
        assertTrue(!year2030.contains("Конференция по гемостазу") && afterPut.contains("Конференция по гемостазу"),
                "the new event is in the page after the PUT: " + afterPut);
        assertEquals(afterPut, csv("/api/queries/events-by-year?year=2030&lang=ru"), "and kept again");

        // a SPARQL Update dropping it: the page is as before the PUT
        HttpResponse<String> update = HTTP.send(authorized(server.updateUrl().orElseThrow())
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP GRAPH <" + graph + ">")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() / 100 == 2, "update: " + update.statusCode() + " " + update.body());
        assertEquals(year2030, csv("/api/queries/events-by-year?year=2030"));
        assertEquals(pages + 5, server.parameterizedPageComputations(), "computed again after each write only");
    }

    @Test
    @Timeout(300)
    void aPageOfARunWithParametersIsKeptAcrossAWriteOfNothingItsQueryReads() throws Exception {
        String organizers = "/api/queries/organizers-and-sponsors?organization="
                + URLEncoder.encode("центр", StandardCharsets.UTF_8);
        String kept = csv(organizers);
        assertTrue(kept.lines().count() > 1, kept);
        String year2030 = csv("/api/queries/events-by-year?year=2030");
        long pages = server.parameterizedPageComputations();

        reloadWithACorrectedLine();
        assertEquals(kept, csv(organizers));
        assertEquals(year2030, csv("/api/queries/events-by-year?year=2030"));
        assertEquals(pages, server.parameterizedPageComputations(), "its graph changed by its sha256 alone, which "
                + "neither query reads");

        putEventWithOrganizer("http://localhost:3030/doc/test/put.md");
        assertTrue(csv("/api/queries/events-by-year?year=2030").contains("Конференция по гемостазу"),
                "a write of what the query reads is in its next page");
        assertEquals(pages + 1, server.parameterizedPageComputations());
    }

    @Test
    @Timeout(300)
    void theHomePageCountsAreKeptUntilAWrite() throws Exception {
        long before = server.wholeGraphComputations();
        String home = page("/?lang=en");
        assertEquals(home, page("/?lang=en"));
        assertEquals(before + 1, server.wholeGraphComputations(), "the home page's counts read once");
        page("/?lang=ru");
        assertEquals(before + 2, server.wholeGraphComputations(), "each language its own");

        putEventWithOrganizer("http://localhost:3030/doc/test/put.md");
        String after = page("/?lang=en");
        assertNotEquals(home, after, "one more event and organization are counted");
        assertTrue(after.contains("Конференция по гемостазу"), "the new event is the latest");
        assertEquals(before + 3, server.wholeGraphComputations());

        reloadWithACorrectedLine();
        assertEquals(after, page("/?lang=en"));
        assertEquals(before + 3, server.wholeGraphComputations(), "kept across a write that typed nothing and "
                + "dated no event");
        putGraph("http://localhost:3030/doc/test/put.md",
                EVENT_WITH_ORGANIZER.replace("Конференция по гемостазу", "Конференция по тромбозу"));
        assertTrue(page("/?lang=en").contains("Конференция по тромбозу"), "the latest event's new name is shown");
        assertEquals(before + 4, server.wholeGraphComputations());
    }

    @Test
    @Timeout(300)
    void anAnswerAskedBeforeAWriteIsComputedAgainOnceWritesStopAndServedKept() throws Exception {
        serveRefreshingSoon();
        String before = get("organizers-and-sponsors", ResultFormat.CSV);
        long computed = server.wholeGraphComputations();

        putEventWithOrganizer("http://localhost:3030/doc/test/put.md");
        awaitComputationsPast(server::wholeGraphComputations, computed);
        assertEquals(computed + 1, server.wholeGraphComputations(), "computed again once the PUT was the last write");
        String after = get("organizers-and-sponsors", ResultFormat.CSV);
        assertTrue(!before.contains("Центр гемостаза") && after.contains("Центр гемостаза"), after);
        assertEquals(computed + 1, server.wholeGraphComputations(), "served as kept");
        assertEquals(fresh(query("organizers-and-sponsors"), ResultFormat.CSV), after);
    }

    @Test
    @Timeout(300)
    void theHomePageAskedBeforeAWriteIsComputedAgainOnceWritesStopAndServedKept() throws Exception {
        serveRefreshingSoon();
        String before = page("/?lang=en");
        long computed = server.wholeGraphComputations();

        putEventWithOrganizer("http://localhost:3030/doc/test/put.md");
        awaitComputationsPast(server::wholeGraphComputations, computed);
        assertEquals(computed + 1, server.wholeGraphComputations(), "computed again once the PUT was the last write");
        String after = page("/?lang=en");
        assertTrue(!before.contains("Конференция по гемостазу") && after.contains("Конференция по гемостазу"),
                "the new event is the latest");
        assertEquals(computed + 1, server.wholeGraphComputations(), "served as kept");
    }

    @Test
    @Timeout(300)
    void aPageOfARunWithParametersAskedBeforeAWriteIsComputedAgainOnceWritesStopAndServedKept() throws Exception {
        serveRefreshingSoon();
        String before = csv("/api/queries/events-by-year?year=2030");
        String organizers = csv("/api/queries/organizers-and-sponsors?organization="
                + URLEncoder.encode("центр", StandardCharsets.UTF_8));
        long computed = server.parameterizedPageComputations();

        putEventWithOrganizer("http://localhost:3030/doc/test/put.md");
        awaitComputationsPast(server::parameterizedPageComputations, computed + 1);
        assertEquals(computed + 2, server.parameterizedPageComputations(),
                "both pages computed again once the PUT was the last write");
        String after = csv("/api/queries/events-by-year?year=2030");
        assertTrue(!before.contains("Конференция по гемостазу") && after.contains("Конференция по гемостазу"), after);
        assertTrue(csv("/api/queries/organizers-and-sponsors?organization="
                + URLEncoder.encode("центр", StandardCharsets.UTF_8)).contains("Центр гемостаза"), organizers);
        assertEquals(computed + 2, server.parameterizedPageComputations(), "served as kept");
    }

    /** Serves the store again, refreshing what was asked once writes have stopped for 300 ms. */
    private void serveRefreshingSoon() {
        server.stop();
        server = serving().wholeGraphRefreshQuiet(Duration.ofMillis(300)).build().start();
    }

    /** Waits, a minute at most, until the server's count of computations is past {@code computed}. */
    private void awaitComputationsPast(LongSupplier computations, long computed) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (computations.getAsLong() <= computed && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    private MedkgServer.Builder serving() {
        return MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0).credentials(USER, PASSWORD);
    }

    /**
     * Loads a seed again with a line added that names no one, through the server: its graph differs by its
     * {@code mkg:sha256} alone.
     */
    private void reloadWithACorrectedLine() throws IOException {
        Path corrected = documents.resolve("000_be1d552f40914512.txt");
        Files.writeString(corrected, Files.readString(corrected) + "\n\nИсправлено.\n");
        CommandRun reload = CommandRun.run("load", "--endpoint", server.datasetUrl(), "--user", USER,
                "--password", PASSWORD, corrected.toString());
        assertEquals(ExitCodes.OK, reload.status(), reload.err());
        assertTrue(reload.out().contains("replaced: 1"), reload.out());
    }

    /** Writes {@link #EVENT_WITH_ORGANIZER} as the graph {@code graph} by a Graph Store PUT, as an editor. */
    private void putEventWithOrganizer(String graph) throws Exception {
        putGraph(graph, EVENT_WITH_ORGANIZER);
    }

    /** Writes {@code turtle} as the graph {@code graph} by a Graph Store PUT, as an editor. */
    private void putGraph(String graph, String turtle) throws Exception {
        HttpResponse<String> put = HTTP.send(authorized(server.graphStoreWriteUrl().orElseThrow() + "?graph="
                + URLEncoder.encode(graph, StandardCharsets.UTF_8))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString(turtle)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() / 100 == 2, "PUT: " + put.statusCode() + " " + put.body());
    }

    /** A document's graph as a Graph Store client would write it: an event organized by a new center, in a city. */
    private static final String EVENT_WITH_ORGANIZER = """
            @prefix mkg: <https://w3id.org/medkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <http://localhost:3030/id/event/2030-01-01-conference> a mkg:Event, mkg:Conference ;
                rdfs:label "Конференция по гемостазу"@ru ;
                mkg:startDate "2030-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
                mkg:organizer <http://localhost:3030/id/organization/center-hemostasis> .
            <http://localhost:3030/id/organization/center-hemostasis> a mkg:Organization ;
                rdfs:label "Центр гемостаза"@ru .
            """;

    /** Every whole-graph answer as JSON, by query, each checked against a fresh run. */
    private Map<String, String> answersAsFresh(String when) throws Exception {
        Map<String, String> answers = answers();
        for (SavedQuery query : wholeGraph) {
            assertEquals(fresh(query, ResultFormat.JSON), answers.get(query.name()), query.name() + " " + when);
        }
        return answers;
    }

    private Map<String, String> answers() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (SavedQuery query : wholeGraph) {
            answers.put(query.name(), get(query.name(), ResultFormat.JSON));
        }
        return answers;
    }

    /** What running the query over the store now gives, written in that format. */
    private String fresh(SavedQuery query, ResultFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(out, QueryRunner.local(store.dataset()).select(query, Map.of()));
        return out.toString(StandardCharsets.UTF_8);
    }

    private long rows(SavedQuery query) {
        try {
            return QueryRunner.local(store.dataset()).select(query, Map.of()).size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private SavedQuery query(String name) {
        return wholeGraph.stream().filter(query -> query.name().equals(name)).findFirst().orElseThrow();
    }

    private String get(String name, ResultFormat format) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.siteUrl()
                + "api/queries/" + name + "?size=all&format=" + format.shortName())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), name + ": " + response.body());
        return response.body();
    }

    /** The body of a saved query's answer as CSV, asked at the path given (with its parameters). */
    private String csv(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.siteUrl()
                + path.substring(1))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.siteUrl()
                + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
