package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medkg serve} run in-process on a free loopback port, stopped by interrupting it. */
class ServeCommandTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HttpResponse<String> ask(String sparqlUrl, String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sparqlUrl + "?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesANewStoreReadOnlyAndStopsWhenInterrupted() throws Exception {
        Path store = dir.resolve("new-store");
        ServeInProcess serve = ServeInProcess.start("serve", "--store", store.toString(), "--port", "0");
        Map<String, String> endpoints = serve.endpoints();
        assertTrue(Files.isDirectory(store), "the missing store is made");
        String sparql = endpoints.get("SPARQL query");
        assertTrue(sparql != null && sparql.matches("http://127\\.0\\.0\\.1:\\d+/medkg/sparql"), serve.out().toString());
        assertFalse(endpoints.containsKey("SPARQL update"), "no update endpoint without a user");

        HttpResponse<String> answer = ask(sparql, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        assertEquals(200, answer.statusCode());
        assertEquals("0", answer.body().lines().skip(1).findFirst().orElseThrow().strip(), "an empty store");

        assertEquals(ExitCodes.OK, serve.stop());
        assertThrows(ConnectException.class, () -> ask(sparql, "ASK {}"), "stopped serving");
    }

    @Test
    void userFromOptionsCanWriteWithBasicAuth() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret\n");
        ServeInProcess serve = ServeInProcess.start("serve", "--store", dir.resolve("store").toString(), "--port", "0",
                "--user", "editor", "--password-file", passwordFile.toString(), "--timeout", "5");
        Map<String, String> endpoints = serve.endpoints();
        String update = endpoints.get("SPARQL update");
        assertTrue(update != null && update.endsWith("/medkg/update"), serve.out().toString());
        assertTrue(endpoints.get("Graph Store (write)").endsWith("/medkg/data?graph=IRI"));

        HttpRequest.Builder insert = HttpRequest.newBuilder(URI.create(update))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }"));
        assertEquals(401, http.send(insert.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String basic = "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));
        int status = http.send(insert.header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
        assertTrue(status == 200 || status == 204, "authorized update answered " + status);
        HttpResponse<String> answer = ask(endpoints.get("SPARQL query"), "SELECT ?o { ?s <urn:x:p> ?o }");
        assertEquals("1", answer.body().lines().skip(1).findFirst().orElseThrow().strip(), "seen in the union graph");

        assertEquals(ExitCodes.OK, serve.stop());
    }

    @Test
    void userWithoutPasswordIsAUsageError() throws Exception {
        assumeTrue(System.getenv(ServeCommand.PASSWORD_VARIABLE) == null, "MEDKG_PASSWORD is set here");
        ServeInProcess serve = ServeInProcess.start("serve", "--store", dir.resolve("store").toString(), "--port", "0", "--user", "editor");
        assertEquals(ExitCodes.USAGE, serve.status().get(60, TimeUnit.SECONDS));
        assertTrue(serve.err().toString().contains("user editor has no password"), serve.err().toString());
        assertEquals("", serve.out().toString(), "no server was started");
    }

    @Test
    void missingPasswordFileIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-password");
        ServeInProcess serve = ServeInProcess.start("serve", "--store", dir.resolve("store").toString(), "--port", "0",
                "--user", "editor", "--password-file", missing.toString());
        assertEquals(ExitCodes.USAGE, serve.status().get(60, TimeUnit.SECONDS));
        assertTrue(serve.err().toString().contains(missing.toString()), serve.err().toString());
    }

    @Test
    void badValuesAreUsageErrors() throws Exception {
        for (String[] option : new String[][] {{"--port", "70000"}, {"--timeout", "0"}, {"--host", " "}}) {
            ServeInProcess serve = ServeInProcess.start("serve", "--store", dir.resolve("store").toString(), option[0], option[1]);
            assertEquals(ExitCodes.USAGE, serve.status().get(60, TimeUnit.SECONDS), String.join(" ", option));
            assertTrue(serve.err().toString().startsWith("medkg serve: "), serve.err().toString());
        }
    }

    @Test
    void portInUseIsReportedWithTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            ServeInProcess serve = ServeInProcess.start("serve", "--store", dir.resolve("store").toString(), "--port", port);
            assertEquals(ExitCodes.INTERNAL_ERROR, serve.status().get(60, TimeUnit.SECONDS));
            assertTrue(serve.err().toString().contains("cannot listen on 127.0.0.1:" + port), serve.err().toString());
            assertEquals("", serve.out().toString(), "no endpoints announced");
        }
    }
}
