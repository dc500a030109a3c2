package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;

/**
 * A whole-graph saved query that needs more memory than the server's heap, as the pair-counting queries do over
 * 1,000 copies of the corpus: computed apart from the requests, it is stopped before the heap is full, the clients are
 * told why, and the server goes on answering. A real server process with a small heap over the seed documents.
 */
class WholeGraphMemoryTest {
    /** About 1.6 million groups of four terms over the seeds' 1,274 quads: some hundreds of MB of heap. */
    static final String EVERY_PAIR = """
            #+ summary: Groups every pair of triples (far more rows than a small heap holds)
            SELECT ?a ?b ?c ?d (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d } GROUP BY ?a ?b ?c ?d
            """;

    @TempDir
    Path dir;
    private Path queries;

    @BeforeEach
    void storeTheSeedsAndTheQuery() throws Exception {
        queries = storeTheSeedsAndEveryPair(dir);
    }

    /**
     * The seeds loaded into {@code dir/store}, and a folder of saved queries holding {@link #EVERY_PAIR} as
     * {@code every-pair-of-triples}: returns that folder.
     */
    static Path storeTheSeedsAndEveryPair(Path dir) throws IOException {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(Converter.standard(Converter.DEFAULT_BASE).convert(List.of(Path.of("data")), e -> {
                throw new AssertionError(e.getMessage(), e);
            }), LoadProgress.none());
        }
        Path queries = Files.createDirectories(dir.resolve("queries"));
        Files.writeString(queries.resolve("every-pair-of-triples.rq"), EVERY_PAIR);
        return queries;
    }

    @Test
    @Timeout(300)
    void aWholeGraphAnswerTooLargeForTheHeapIsGivenUpAndTheServerGoesOn() throws Exception {
        int port = MedkgProcess.freePort();
        String site = "http://127.0.0.1:" + port;
        Path log = dir.resolve("serve.log");
        Process serve = MedkgProcess.start(log, Map.of(ServerJvm.HEAP_VARIABLE, "128m"), "serve", "--store",
                dir.resolve("store").toString(), "--port", Integer.toString(port), "--queries", queries.toString(),
                "--timeout", "2");
        try {
            MedkgProcess.awaitAnswer(site + "/api/queries", serve, Duration.ofSeconds(120), log);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> answer = get(http, site + "/api/queries/every-pair-of-triples");
            for (long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                 answer.statusCode() == 503 && !answer.body().contains("was not computed")
                         && System.nanoTime() < deadline; Thread.sleep(500)) {
                answer = get(http, site + "/api/queries/every-pair-of-triples");
            }
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("needed more memory than the server's heap has"), answer.body());

            assertEquals(200, get(http, site + "/api/queries/events-by-year?year=2024").statusCode());
            assertTrue(serve.isAlive());
            assertTrue(!Files.readString(log).contains("OutOfMemoryError"), Files.readString(log));
        } finally {
            MedkgProcess.kill(serve);
        }
    }

    /** The command line has no server to protect: it says what ran short and how to give it more, and exits. */
    @Test
    @Timeout(300)
    void theQueryCommandOutOfMemorySaysSoInOneLineAndLeavesTheStoreAsItWas() throws Exception {
        Map<String, String> smallHeap = Map.of("JAVA_TOOL_OPTIONS", "-Xmx96m");
        Path log = dir.resolve("query.log");
        Process query = MedkgProcess.start(log, smallHeap, "query", "every-pair-of-triples", "--queries",
                queries.toString(), "--store", dir.resolve("store").toString(), "--format", "csv");
        assertEquals(ExitCodes.OUT_OF_MEMORY, query.waitFor());
        String said = Files.readString(log);
        assertTrue(said.contains("medkg query: out of memory: the work asked needs more than this JVM's heap of 96 MB;"
                + " give it a larger one, e.g. java -Xmx2g -jar medkg.jar query"), said);
        assertTrue(!said.contains("java.lang.OutOfMemoryError") && !said.contains("\tat "), said);

        Path after = dir.resolve("after.log");
        Process years = MedkgProcess.start(after, smallHeap, "query", "events-by-year", "--param", "year=2024",
                "--store", dir.resolve("store").toString(), "--format", "csv");
        assertEquals(ExitCodes.OK, years.waitFor(), Files.readString(after));
        assertTrue(Files.readString(after).contains("/id/event/"), Files.readString(after));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
