package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.store.DiskUsage;

/**
 * {@code medkg serve} as the README starts it (no JVM options), serving the corpus to 64 clients at once for three
 * minutes — pages, descriptions, search, saved queries, SPARQL, VoID, and two requests that must be refused (400,
 * 404) — while {@code load --endpoint} re-loads the corpus over HTTP in a loop, every round with every document
 * changed so that every graph is replaced; then left idle. Prints the resident memory of the server's processes
 * (launcher and child JVM) every 10 s, and at the end the requests, errors and latency percentiles per kind, the
 * re-load rounds and the store's size. An error is a connection that failed or an answer other than the one
 * intended (2xx or 3xx, or the intended 4xx). Run:
 * {@code mvn -o test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ServeMemoryBenchmarkTest}; change the number of
 * clients and the seconds of load and of idleness with {@code -Dmedkg.benchmark.clients=},
 * {@code -Dmedkg.benchmark.loadSeconds=} and {@code -Dmedkg.benchmark.idleSeconds=}, and serve without re-loads with
 * {@code -Dmedkg.benchmark.reload=false}.
 */
@Tag("benchmark")
class ServeMemoryBenchmarkTest {
    private static final int CLIENTS = Integer.getInteger("medkg.benchmark.clients", 64);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("medkg.benchmark.loadSeconds", 180));
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("medkg.benchmark.idleSeconds", 120));
    private static final boolean RELOAD = Boolean.parseBoolean(System.getProperty("medkg.benchmark.reload", "true"));
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration PRINT_EVERY = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final String PASSWORD = "benchmark";

    @TempDir
    Path dir;

    /** A request of the mix: its kind, path, and the status it must get (200: any 2xx or 3xx). */
    private record Request(String kind, String path, int intended) {
        boolean answered(int status) {
            return intended == 200 ? status >= 200 && status < 400 : status == intended;
        }
    }

    /** The server's resident memory, sampled. */
    private static final class Memory {
        long peakKb;
        long lastKb;

        void sample(Process serve) {
            lastKb = MedkgProcess.residentKb(serve);
            peakKb = Math.max(peakKb, lastKb);
        }
    }

    @Test
    void sixtyFourClientsWhileTheCorpusIsReloaded() throws Exception {
        assumeTrue(ChangedCopies.CORPUS.stream().allMatch(Files::isDirectory), "no corpus at " + ChangedCopies.CORPUS);
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from /proc");
        int port = MedkgProcess.freePort();
        String site = "http://127.0.0.1:" + port + "/";
        Path store = dir.resolve("store");
        Path documents = dir.resolve("documents");
        List<String> serveCommand = new ArrayList<>(List.of("serve", "--store", store.toString(), "--port",
                Integer.toString(port), "--base", site, "--user", "editor", "--password-file",
                Files.writeString(dir.resolve("password"), PASSWORD).toString(), "--load"));
        ChangedCopies.write(ChangedCopies.CORPUS, documents, 0).forEach(copy -> serveCommand.add(copy.toString()));
        Process serve = MedkgProcess.start(dir.resolve("serve.log"), Map.of(), serveCommand.toArray(String[]::new));
        try {
            MedkgProcess.awaitAnswer(site, serve, PATIENCE, dir.resolve("serve.log"));
            List<Request> requests = requests(site);
            Memory memory = new Memory();
            memory.sample(serve);
            System.out.printf("serving %d requests to %d clients for %d s%s, then idle for %d s; RSS %d MB%n",
                    requests.size(), CLIENTS, LOAD.toSeconds(), RELOAD ? " while the corpus is re-loaded" : "",
                    IDLE.toSeconds(), memory.lastKb / 1024);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong done = new AtomicLong();
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, Integer> errors = new ConcurrentHashMap<>();
            Map<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                Thread client = new Thread(() -> {
                    Map<String, List<Long>> mine = new HashMap<>();
                    try {
                        for (int i = first; loading.get(); i++) {
                            Request request = requests.get(i % requests.size());
                            long began = System.nanoTime();
                            int status = MedkgProcess.status(http, site + request.path().substring(1));
                            mine.computeIfAbsent(request.kind(), kind -> new ArrayList<>()).add(System.nanoTime() - began);
                            if (!request.answered(status)) {
                                errorsByKind.computeIfAbsent(request.kind(), kind -> new AtomicLong()).incrementAndGet();
                                errors.merge(status + " " + request.path(), 1, Integer::sum);
                            }
                            done.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    mine.forEach((kind, times) -> latencies.computeIfAbsent(kind,
                            k -> Collections.synchronizedList(new ArrayList<>())).addAll(times));
                }, "client-" + c);
                client.start();
                clients.add(client);
            }
            List<String> rounds = Collections.synchronizedList(new ArrayList<>());
            Thread reloads = new Thread(() -> reload(documents, site, loading, rounds), "reloads");
            if (RELOAD) {
                reloads.start();
            }
            long began = System.nanoTime();
            long printed = began;
            while (System.nanoTime() - began < LOAD.toNanos()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                memory.sample(serve);
                if (System.nanoTime() - printed >= PRINT_EVERY.toNanos()) {
                    printed = System.nanoTime();
                    System.out.printf("under load  requests %7d  errors %d  RSS %5d MB%n", done.get(),
                            errors.values().stream().mapToInt(Integer::intValue).sum(), memory.lastKb / 1024);
                }
            }
            loading.set(false);
            for (Thread client : clients) {
                client.join();
            }
            memory.sample(serve);
            long rssAtEnd = memory.lastKb;
            if (RELOAD) {
                // The round under way when the clients stop is let finish, so the store is measured between loads.
                reloads.join();
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (Files.exists(store.resolve("compaction-due")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            System.out.println(report(requests.size(), latencies, errors, errorsByKind, memory.peakKb, rssAtEnd,
                    rounds, DiskUsage.of(store)));
            long idleFrom = System.nanoTime();
            printed = idleFrom;
            while (System.nanoTime() - idleFrom < IDLE.toNanos()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                memory.sample(serve);
                if (System.nanoTime() - printed >= PRINT_EVERY.toNanos()) {
                    printed = System.nanoTime();
                    System.out.printf("idle  RSS %5d MB%n", memory.lastKb / 1024);
                }
            }
            assertEquals(Map.of(), errors, "requests not answered as intended, by status and path");
            // Every round replaces the graphs the server loaded: none added beside them, none failed.
            assertEquals(List.of(), rounds.stream().filter(round -> !round.contains("added: 0,")
                    || !round.contains("exit 0")).toList(), "re-loads that failed or added graphs");
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** Re-loads the corpus over HTTP, every round changed, until {@code loading} is cleared. */
    private void reload(Path documents, String site, AtomicBoolean loading, List<String> rounds) {
        try {
            for (int round = 1; loading.get(); round++) {
                // Minted under the served base, as serve --load did, so that the same graphs are replaced.
                List<String> command = new ArrayList<>(List.of("load", "--endpoint", site + "medkg", "--base", site,
                        "--user", "editor"));
                ChangedCopies.write(ChangedCopies.CORPUS, documents, round).forEach(copy -> command.add(copy.toString()));
                Path log = dir.resolve("reload-" + round + ".log");
                long began = System.nanoTime();
                Process load = MedkgProcess.start(log, Map.of("MEDKG_PASSWORD", PASSWORD), command.toArray(String[]::new));
                int status = load.waitFor();
                String outcome = String.join(", ", Files.readAllLines(log).stream()
                        .filter(line -> line.matches("(added|replaced|unchanged): \\d+")).toList());
                rounds.add(String.format("round %d: %.1f s, %s, exit %d", round, (System.nanoTime() - began) / 1e9,
                        outcome, status));
                System.out.println(rounds.get(rounds.size() - 1));
            }
        } catch (Exception e) {
            rounds.add("re-loading stopped: " + e);
        }
    }

    /** Pages of every kind, descriptions, search, saved queries, SPARQL and VoID, about entities of the corpus. */
    private static List<Request> requests(String site) {
        List<String> entities = new ArrayList<>();
        String query = "SELECT DISTINCT ?e { ?e a ?type FILTER(STRSTARTS(STR(?e), \"" + site + "id/\")) } LIMIT 60";
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(site + "medkg/sparql").query(query).build()) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                entities.add("/" + row.getResource("e").getURI().substring(site.length()));
            }
        }
        List<Request> requests = new ArrayList<>();
        for (String entity : entities) {
            requests.add(new Request("page", "/page" + entity, 200));
            requests.add(new Request("description", "/data" + entity + ".ttl", 200));
            requests.add(new Request("description", "/data" + entity + ".jsonld", 200));
        }
        for (String name : List.of("Клодзинский", "Пивоварова", "Клодз", "Karaganda", "Астана", "гематолог")) {
            String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
            requests.add(new Request("search", "/search?q=" + q, 200));
            requests.add(new Request("search", "/api/search?q=" + q, 200));
        }
        requests.add(new Request("page", "/", 200));
        requests.add(new Request("page", "/?lang=kk", 200));
        requests.add(new Request("description", "/.well-known/void", 200));
        requests.add(new Request("saved query", "/api/queries/events-by-year?year=2022&format=json", 200));
        requests.add(new Request("saved query", "/api/queries/most-connected-experts?format=csv", 200));
        requests.add(new Request("saved query", "/api/queries/organizers-and-sponsors", 200));
        requests.add(new Request("sparql", "/medkg/sparql?query=" + URLEncoder.encode(
                "SELECT ?e ?label { ?e a <https://w3id.org/medkg/ontology#Event> ; "
                        + "<http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 200", StandardCharsets.UTF_8), 200));
        requests.add(new Request("intended 4xx", "/api/queries/events-by-year?year=abc", 400));
        requests.add(new Request("intended 4xx", "/id/person/nobody-x", 404));
        // Mixed, so that every kind is asked from the start even when the clients get through only part of the list.
        Collections.shuffle(requests, new Random(1));
        return requests;
    }

    private static String report(int mix, Map<String, List<Long>> latencies, Map<String, Integer> errors,
                                 Map<String, AtomicLong> errorsByKind, long peakKb, long endKb, List<String> rounds, long storeBytes) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%n%d clients, %d s, a mix of %d requests%s. Server RSS (launcher + child): %d MB at "
                        + "the end of the load, at most %d MB (sampled every second). Store: %.1f MB on disk at the "
                        + "end, compacted.%n%n", CLIENTS, LOAD.toSeconds(), mix,
                RELOAD ? ", the corpus re-loaded over HTTP meanwhile" : "", endKb / 1024, peakKb / 1024,
                storeBytes / 1e6));
        md.append("| kind | requests | errors | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        List<Long> all = new ArrayList<>();
        new TreeMap<>(latencies).forEach((kind, times) -> {
            all.addAll(times);
            md.append(row(kind, times, errorsByKind.getOrDefault(kind, new AtomicLong()).get()));
        });
        md.append(row("**all**", all, errorsByKind.values().stream().mapToLong(AtomicLong::get).sum()));
        md.append("\nRe-loads over HTTP: ").append(rounds.isEmpty() ? "none" : String.join("; ", rounds)).append('\n');
        if (!errors.isEmpty()) {
            md.append("\nErrors by status and path: ").append(new TreeMap<>(errors)).append('\n');
        }
        return md.toString();
    }

    private static String row(String kind, List<Long> nanos, long errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("| %s | %d | %d | %s | %s | %s |%n", kind, sorted.size(), errors,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static String percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return "–";
        }
        long nanos = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
        return String.format("%.0f", nanos / 1e6);
    }
}
