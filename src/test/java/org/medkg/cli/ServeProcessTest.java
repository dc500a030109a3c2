package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;
import org.medkg.server.RawHttp;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;

/**
 * medkg run as an operator runs it, as processes of their own, from a working directory that is not the project's:
 * a second process on a store in use, what a write leaves in the server's log, SIGTERM during a long query, and the
 * saved queries found from anywhere.
 */
@Timeout(600)
class ServeProcessTest {
    private static final Path SEEDS = Path.of("data").toAbsolutePath();
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(120);
    /** Jetty and TDB2 used to wait 15 s for stuck threads; a prompt stop is a few seconds at most. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(5);
    private static final Pattern SPARQL_URL = Pattern.compile("SPARQL query:\\s+http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String COUNTING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            List<ProcessHandle> children = process.toHandle().descendants().toList();
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aSecondProcessOnAStoreInUseIsToldSoInOneLine() throws Exception {
        Path store = dir.resolve("store");
        // An empty file is a bad document: a load that read its documents before the store would name it too.
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        try (TdbGraphStore held = TdbGraphStore.open(store)) {
            for (String command : List.of("load", "serve")) {
                Path log = dir.resolve(command + ".log");
                List<String> arguments = command.equals("load") ? List.of(SEEDS.toString(), empty.toString())
                        : List.of("--port=0");
                List<String> args = new ArrayList<>(List.of(command, "--store", store.toString()));
                args.addAll(arguments);
                Process second = start(log, List.of(), args.toArray(String[]::new));
                assertTrue(second.waitFor(STARTS_WITHIN.toSeconds(), TimeUnit.SECONDS), command + " ended");
                String said = Files.readString(log).strip();
                assertEquals(ExitCodes.USAGE, second.exitValue(), said);
                assertEquals("medkg " + command + ": " + store + ": another medkg process (pid "
                        + ProcessHandle.current().pid() + ") uses this store; stop it first, or reach the running "
                        + "server over HTTP (--endpoint)", said);
            }
        }
        // Once the first lets it go, the store is anyone's.
        Path log = dir.resolve("load-after.log");
        Process load = start(log, List.of(), "load", "--store", store.toString(), SEEDS.toString());
        assertTrue(load.waitFor(STARTS_WITHIN.toSeconds(), TimeUnit.SECONDS));
        assertEquals(ExitCodes.OK, load.exitValue(), Files.readString(log));
    }

    @Test
    void aHundredMegabyteWriteIsLoggedBySizeAndTargetNeverByItsBody() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret\n");
        Path log = dir.resolve("serve.log");
        Process serve = start(log, List.of("-Xmx512m"), "serve", "--store", dir.resolve("store").toString(),
                "--port", "0", "--user", "editor", "--password-file", passwordFile.toString());
        int port = awaitServing(serve, log);

        // Not RDF at all: the parser stops at its first word and quotes it in its error.
        RawHttp.Answer answer = RawHttp.send(port, "PUT /medkg/data?graph=urn:x:uploaded HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Basic ZWRpdG9yOnMzY3JldA==\r\nContent-Type: text/turtle",
                "", "secretbodyword ", 100L * 1024 * 1024, false);
        assertEquals(400, answer.status(), answer.head());
        Thread.sleep(1000);

        String written = Files.readString(log);
        assertFalse(written.contains("secretbodyword"), "the body is in the log:\n" + written);
        assertTrue(written.contains("WriteLog: PUT /medkg/data?graph=urn:x:uploaded: 104857600 bytes, answered 400"),
                written);
    }

    @Test
    void sigtermStopsTheServerPromptlyDuringALongQueryAndTheStoreReopens() throws Exception {
        Path store = dir.resolve("store");
        try (TdbGraphStore tdb = TdbGraphStore.open(store)) {
            tdb.load(Converter.standard(Converter.DEFAULT_BASE).convert(List.of(SEEDS), e -> {
                throw new AssertionError(e.getMessage(), e);
            }), LoadProgress.none());
        }
        Path log = dir.resolve("serve.log");
        // As a user starts it: no heap size, so it serves from a child JVM that the first must stop.
        Process serve = start(log, List.of(), "serve", "--store", store.toString(), "--port", "0", "--timeout", "3600");
        int port = awaitServing(serve, log);
        List<ProcessHandle> jvms = new ArrayList<>(serve.toHandle().descendants().toList());
        jvms.add(serve.toHandle());
        assertEquals(2, jvms.size(), "the launcher and the server's JVM");

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            String form = "query=" + URLEncoder.encode(COUNTING, StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("POST /medkg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(3000);
            assertTrue(jvms.stream().allMatch(ProcessHandle::isAlive), "the query runs, the client waits");

            long began = System.nanoTime();
            serve.destroy();
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(took.compareTo(STOPS_WITHIN) < 0, "stopped after " + took + ":\n" + Files.readString(log));
        }
        assertTrue(Files.readString(log).contains("medkg serve: stopped"), Files.readString(log));
        assertEquals(3, StoredGraphs.count(store), "the store reopens with its documents");
    }

    @Test
    void theSavedQueriesAreFoundFromAnyWorkingDirectory() throws Exception {
        Path log = dir.resolve("queries.log");
        Process queries = start(log, List.of(), "queries");
        assertTrue(queries.waitFor(STARTS_WITHIN.toSeconds(), TimeUnit.SECONDS));
        assertEquals(ExitCodes.OK, queries.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("events-by-year  Events that started in a given year"),
                Files.readString(log));

        // --queries adds a folder; its file of a shipped name replaces the shipped query.
        Path mine = Files.createDirectories(dir.resolve("my-queries"));
        Files.writeString(mine.resolve("events-by-year.rq"), """
                #+ summary: My own events of a year
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                SELECT ?event WHERE { ?event a mkg:Event ; mkg:startDate ?_year_integer }
                """);
        Files.writeString(mine.resolve("every-person.rq"), """
                #+ summary: Every person
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                SELECT ?person WHERE { ?person a mkg:Person }
                """);
        Path more = dir.resolve("more.log");
        Process withMine = start(more, List.of(), "queries", "--queries", mine.toString());
        assertTrue(withMine.waitFor(STARTS_WITHIN.toSeconds(), TimeUnit.SECONDS));
        String listed = Files.readString(more);
        assertTrue(listed.contains("every-person  Every person") && listed.contains("events-by-year  My own events")
                && !listed.contains("Events that started in a given year") && listed.contains("people-who-met"),
                listed);

        Path serveLog = dir.resolve("serve.log");
        Process serve = start(serveLog, List.of("-Xmx512m"), "serve", "--store", dir.resolve("store").toString(),
                "--port", "0");
        int port = awaitServing(serve, serveLog);
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/queries")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"events-by-year\"") && api.body().contains("\"people-who-met\""), api.body());
    }

    /** Starts medkg from the test's folder (not the project), its output and errors into {@code log}. */
    private Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Medkg.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove(ServerJvm.HEAP_VARIABLE);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until the server prints its addresses; returns its port. */
    private static int awaitServing(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTS_WITHIN.toNanos();
        while (true) {
            Matcher url = SPARQL_URL.matcher(Files.readString(log));
            if (url.find()) {
                return Integer.parseInt(url.group(1));
            }
            assertTrue(serve.isAlive(), "serve ended: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "serve did not start: " + Files.readString(log));
            Thread.sleep(200);
        }
    }
}
