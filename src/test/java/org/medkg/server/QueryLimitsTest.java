package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.rdf.MKG;

/**
 * The queries an operator ran against the live server to make it work for nothing: each must stop at the time limit,
 * and when its client leaves, whether it is SPARQL at the endpoint, a saved query or a page. A real Fuseki on a
 * loopback port over a real TDB2 store holding the seed documents (1,274 quads, so three unrelated triple patterns
 * make some 2·10⁹ rows: minutes of work). That a query stopped is seen from outside it: no request thread of the
 * server is left in Jena's query engine or TDB2 (a query left running keeps one there, and a core busy), and the
 * server counts no request still reading the store.
 */
@Timeout(180)
class QueryLimitsTest {
    private static final List<Path> SEEDS = List.of(Path.of("data"));
    /** The operator's first query: its OFFSET is skipped while ARQ builds the plan, before any row comes out. */
    private static final String SKIPPING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 99999999999999 LIMIT 1";
    /** Counting writes nothing until the end, so nothing tells the server that its client has gone. */
    private static final String COUNTING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final Duration NO_LIMIT_IN_SIGHT = Duration.ofHours(1);
    /** Far longer than a stopped query takes to end, far shorter than the runaway query would run. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private ServedDocuments served;

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    private MedkgServer serve(Duration timeLimit, Path queries) throws IOException {
        served = ServedDocuments.serve(SEEDS, dir.resolve("store"), builder -> builder.queryTimeout(timeLimit)
                .queries(queries));
        return served.server();
    }

    @Test
    void aSparqlQueryThatSkipsRowsStopsAtTheTimeLimit() throws Exception {
        MedkgServer server = serve(Duration.ofSeconds(1), dir);
        long began = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(SKIPPING)).build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(took.compareTo(STOPS_WITHIN) < 0, "answered after " + took);
        assertNothingRuns(server);
    }

    @Test
    void aSparqlQueryStopsWhenItsClientLeaves() throws Exception {
        MedkgServer server = serve(NO_LIMIT_IN_SIGHT, dir);
        // A form, as curl --data-urlencode sends it.
        String form = "query=" + URLEncoder.encode(COUNTING, StandardCharsets.UTF_8);
        leaveWhileRunning(server, "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + form);
        assertNothingRuns(server);
    }

    @Test
    void aSavedQueryStopsWhenItsClientLeaves() throws Exception {
        Path queries = Files.createDirectories(dir.resolve("queries"));
        Files.writeString(queries.resolve("every-triple-of-triples.rq"), """
                #+ summary: Counts every combination of three triples, which takes minutes
                %s
                """.formatted(COUNTING));
        MedkgServer server = serve(NO_LIMIT_IN_SIGHT, queries);
        leaveWhileRunning(server, "GET /api/queries/every-triple-of-triples HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertNothingRuns(server);
    }

    @Test
    void aPageStopsAtTheTimeLimit() throws Exception {
        // a limit well under what the page of 10,000 events takes once the JIT has compiled the pages' code (the
        // page came in under 300 ms at the end of a full test run)
        MedkgServer server = serve(Duration.ofMillis(100), dir);
        String person = crowdedPerson(served.store().dataset().asDatasetGraph(), served.base(), 10_000);
        long began = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(served.base() + "page/" + person))
                .timeout(Duration.ofSeconds(120)).header("Accept-Language", "ru").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("id=\"too-slow\"") && page.body().contains("Слишком долго"), page.body());
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
        assertTrue(took.compareTo(STOPS_WITHIN) < 0, "answered after " + took);
        assertNothingRuns(server);
    }

    /**
     * A person at {@code count} events, as a page's worst case: each event is a row of the person's timeline, with
     * its name, date and sources. Returns the person's path under the base.
     */
    private static String crowdedPerson(DatasetGraph store, String base, int count) {
        String path = "id/person/crowded-x";
        Node graph = NodeFactory.createURI(base + "doc/crowded.md");
        Node person = NodeFactory.createURI(base + path);
        Txn.executeWrite(store, () -> {
            store.add(graph, person, RDF.type.asNode(), MKG.Person);
            store.add(graph, person, RDFS.label.asNode(), NodeFactory.createLiteralLang("Многолюдный Икс", "ru"));
            for (int i = 0; i < count; i++) {
                Node event = NodeFactory.createURI(base + "id/event/crowded-" + i);
                store.add(graph, event, RDF.type.asNode(), MKG.Event);
                store.add(graph, event, RDFS.label.asNode(), NodeFactory.createLiteralLang("Собрание " + i, "ru"));
                store.add(graph, event, MKG.startDate, NodeFactory.createLiteralDT(
                        "2024-01-%02d".formatted(1 + i % 28), XSDDatatype.XSDdate));
                store.add(graph, event, MKG.participant, person);
            }
        });
        return path;
    }

    /**
     * Sends the request on a connection of its own, waits until the server is reading the store for it and busy,
     * then closes the connection as a client that gave up does.
     */
    private void leaveWhileRunning(MedkgServer server, String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            waitFor(() -> server.requestsReading() == 1 && aRequestThreadIsQuerying(), "the server to run the query");
            Thread.sleep(500);
            assertTrue(aRequestThreadIsQuerying(), "the query runs while its client waits");
        }
    }

    /** No request reads the store any more, and no request thread is left in the query engine or the store. */
    private void assertNothingRuns(MedkgServer server) throws InterruptedException {
        waitFor(() -> server.requestsReading() == 0, "every request to stop reading the store");
        waitFor(() -> !aRequestThreadIsQuerying(), "the request threads to leave the query engine");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STOPS_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + STOPS_WITHIN + " for " + what);
            Thread.sleep(20);
        }
    }

    /**
     * Whether one of the server's request threads (Jetty's pool, "qtp…") or the thread that computes whole-graph
     * answers apart from the requests ("medkg-kept…") is in ARQ's engine or in TDB2 now.
     */
    private static boolean aRequestThreadIsQuerying() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("qtp")
                        || thread.getKey().getName().startsWith("medkg-kept"))
                .anyMatch(thread -> Arrays.stream(thread.getValue()).map(StackTraceElement::getClassName)
                        .anyMatch(name -> name.startsWith("org.apache.jena.sparql.engine.")
                                || name.startsWith("org.apache.jena.tdb2.")));
    }
}
