package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes go on while whole-graph computations run the server's heap short: a real server process with a 128 MB
 * heap over the seeds, {@link WholeGraphMemoryTest#EVERY_PAIR} asked again and again, and a one-triple graph PUT every 0.1 s.
 * Every PUT must be answered 2xx, and a saved query 200 after them.
 *
 * <p>Before it held, after some tens of PUTs one was answered 500 (jena-text's Lucene writer left null by a read's
 * abort, see LuceneNameIndex) and the server took no write after it; and each write started the query again, which
 * ran the heap out (see KeptAnswers' give-ups held for their cost).
 */
class WritesUnderHeapPressureTest {
    private static final int PUTS = 150;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void everyWriteIsAnsweredWhileWholeGraphComputationsRunTheHeapShort() throws Exception {
        Path queries = WholeGraphMemoryTest.storeTheSeedsAndEveryPair(dir);
        Path password = Files.writeString(dir.resolve("password"), "heap-pressure");
        int port = MedkgProcess.freePort();
        String site = "http://127.0.0.1:" + port;
        Path log = dir.resolve("serve.log");
        Process serve = MedkgProcess.start(log, Map.of(ServerJvm.HEAP_VARIABLE, "128m"), "serve", "--store",
                dir.resolve("store").toString(), "--port", Integer.toString(port), "--queries", queries.toString(),
                "--user", "editor", "--password-file", password.toString(), "--timeout", "2");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread asking = new Thread(() -> {
            try {
                while (writing.get()) {
                    MedkgProcess.status(http, site + "/api/queries/every-pair-of-triples");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            MedkgProcess.awaitAnswer(site + "/api/queries", serve, Duration.ofSeconds(120), log);
            asking.start();
            List<String> answers = new ArrayList<>();
            String editor = "Basic " + Base64.getEncoder().encodeToString("editor:heap-pressure"
                    .getBytes(StandardCharsets.UTF_8));
            // after the first PUT not written, one more: whether the server still takes writes
            for (int i = 0; i < PUTS && answers.size() < 2; i++) {
                HttpRequest put = HttpRequest.newBuilder(URI.create(site + "/medkg/data?graph=urn:x:g" + (i % 5)))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", editor)
                        .header("Content-Type", "application/n-triples")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"" + i + "\" .\n")).build();
                try {
                    int status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status / 100 != 2) {
                        answers.add("PUT " + (i + 1) + ": " + status);
                    }
                } catch (IOException e) {
                    answers.add("PUT " + (i + 1) + ": no answer (" + e + ")");
                }
                Thread.sleep(100);
            }
            writing.set(false);
            asking.join();

            assertEquals(List.of(), answers, "PUTs not written; see " + log);
            assertEquals(200, MedkgProcess.status(http, site + "/api/queries/events-by-year?year=2024"));
        } finally {
            writing.set(false);
            MedkgProcess.kill(serve);
        }
    }
}
