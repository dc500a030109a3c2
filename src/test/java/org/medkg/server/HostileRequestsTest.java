package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sent the live server to break it, and what the client sees now: 100 MB forms and queries are
 * refused at once with 413 (they were a 500 with a stack trace, or no answer in 60 s), queries of a normal size still
 * run, and every answer, Jetty's own error pages included, carries {@code X-Content-Type-Options: nosniff}. A real
 * Fuseki on a loopback port over a real TDB2 store holding the seed documents.
 */
@Timeout(300)
class HostileRequestsTest {
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    /** Far longer than a refusal takes, far shorter than reading and parsing 100 MB did. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final String COUNT_PEOPLE = "PREFIX mkg: <https://w3id.org/medkg/ontology#> "
            + "SELECT (COUNT(*) AS ?n) WHERE { ?person a mkg:Person }";

    @TempDir
    static Path dir;

    private static ServedDocuments served;
    private static int port;

    @BeforeAll
    static void serve() throws IOException {
        served = ServedDocuments.serve(List.of(Path.of("data")), dir.resolve("store"),
                builder -> builder.credentials("editor", "s3cret"));
        port = served.server().port();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void aHundredMegabyteFormIsRefusedEverywhereWith413AndNoTrace() throws Exception {
        for (String path : List.of("/medkg/sparql", "/medkg/query", "/medkg", "/api/queries/events-by-year",
                "/search", "/api/search", "/page/id/person/nobody", "/")) {
            RawHttp.Answer answer = RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded", "query=", "SELECT%20", HUNDRED_MB, false);
            assertRefused(path, answer);
        }
    }

    @Test
    void aHundredMegabyteFormSentInChunksIsRefused() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded", "query=", "SELECT%20", HUNDRED_MB, true);
        assertRefused("chunked form", answer);
    }

    @Test
    void aHundredMegabyteQueryIsRefusedAtOnceWithOrWithoutALength() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            RawHttp.Answer answer = RawHttp.send(port, "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/sparql-query", "SELECT * WHERE { ?s ?p ?o } #", "a comment ",
                    HUNDRED_MB, chunked);
            assertRefused(chunked ? "chunked query" : "query", answer);
        }
    }

    @Test
    void aQueryOfANormalSizeStillRunsSentWholeOrInChunks() throws Exception {
        // A few kilobytes, as a query with a long VALUES list would be.
        String query = COUNT_PEOPLE + " #" + "x".repeat(4000);
        for (boolean chunked : new boolean[] {false, true}) {
            RawHttp.Answer answer = RawHttp.send(port, "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/csv\r\nContent-Type: application/sparql-query", query, "", query.length(), chunked);
            assertEquals(200, answer.status(), answer.head() + answer.body());
            assertTrue(answer.body().startsWith("n\r\n") && !answer.body().contains("\n0\r\n"), answer.body());
        }
    }

    @Test
    void theLimitIsTheServersSetting() throws Exception {
        MedkgServer small = MedkgServer.builder().dataset(served.store().dataset().asDatasetGraph()).port(0)
                .maxQueryBytes(1024).build().start();
        try {
            String query = COUNT_PEOPLE + " #" + "x".repeat(2000);
            RawHttp.Answer refused = RawHttp.send(small.port(), "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/sparql-query", query);
            assertEquals(413, refused.status(), refused.head());
            assertTrue(refused.body().contains("limit of 1024 bytes"), refused.body());
            RawHttp.Answer answered = RawHttp.send(small.port(), "POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/sparql-query", COUNT_PEOPLE);
            assertEquals(200, answered.status(), answered.head());
        } finally {
            small.stop();
        }
    }

    @Test
    void theEditorsWritesAreNotBoundedByTheQueryLimit() throws Exception {
        MedkgServer small = MedkgServer.builder().dataset(served.store().dataset().asDatasetGraph()).port(0)
                .maxQueryBytes(1024).credentials("editor", "s3cret").build().start();
        try {
            String triples = "<urn:x:s> <urn:x:p> \"" + "слово ".repeat(1000) + "\" .\n";
            RawHttp.Answer written = RawHttp.send(small.port(), "PUT /medkg/data?graph=urn:x:big HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Basic ZWRpdG9yOnMzY3JldA==\r\n"
                    + "Content-Type: application/n-triples", triples);
            assertTrue(written.status() == 200 || written.status() == 201 || written.status() == 204, written.head());
        } finally {
            small.stop();
        }
    }

    /** Every kind of answer the site gives, successes and errors, Fuseki's, Jetty's and medkg's own. */
    @Test
    void everyAnswerCarriesNosniff() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> answers = Map.of(
                "/", 200,
                "/static/medkg.css", 200,
                "/id/person/nobody-x", 404,
                "/no/such/thing", 404,
                "/medkg/sparql", 404,
                "/medkg/sparql?query=SELECT", 400,
                "/medkg/get?graph=urn:x:none", 404,
                "/api/queries/no-such-query", 404,
                "/api/openapi.json", 200,
                "/medkg/update", 401);
        for (Map.Entry<String, Integer> expected : answers.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(served.base()
                    + expected.getKey().substring(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected.getValue(), response.statusCode(), expected.getKey());
            assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), expected.getKey());
        }
        // Answers Jetty gives before any servlet runs: a method no servlet takes, a path it cannot decode.
        for (String request : List.of("DELETE /search HTTP/1.1", "GET /%zz HTTP/1.1", "GET /../etc/passwd HTTP/1.1")) {
            RawHttp.Answer answer = RawHttp.send(port, request + "\r\nHost: 127.0.0.1", "");
            assertTrue(answer.status() >= 400, request + ": " + answer.head());
            assertTrue(answer.hasHeader("X-Content-Type-Options", "nosniff"), request + ": " + answer.head());
        }
    }

    private static void assertRefused(String what, RawHttp.Answer answer) {
        assertTrue(answer.status() == 413 || answer.status() == 400, what + ": " + answer.head());
        assertTrue(answer.took().compareTo(PROMPTLY) < 0, what + " answered after " + answer.took());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), what + ": " + answer.body());
        assertTrue(answer.hasHeader("X-Content-Type-Options", "nosniff"), what + ": " + answer.head());
    }
}
