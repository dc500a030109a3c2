package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.server.ServedDocuments;

/**
 * The memory of {@code medkg serve} as the README starts it (no JVM options), serving the corpus to 64 clients at
 * once for three minutes — pages, search, saved queries, SPARQL, descriptions, VoID — then left idle. Prints the
 * resident memory of the server's processes every 10 s. Run:
 * {@code mvn -o test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ServeMemoryBenchmarkTest}; the number of clients
 * and the seconds of load and of idleness can be changed with {@code -Dmedkg.benchmark.clients=},
 * {@code -Dmedkg.benchmark.loadSeconds=} and {@code -Dmedkg.benchmark.idleSeconds=}.
 */
@Tag("benchmark")
class ServeMemoryBenchmarkTest {
    private static final int CLIENTS = Integer.getInteger("medkg.benchmark.clients", 64);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("medkg.benchmark.loadSeconds", 180));
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("medkg.benchmark.idleSeconds", 120));
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void residentMemoryUnderSixtyFourClientsAndIdle() throws Exception {
        assumeTrue(Files.isDirectory(ServedDocuments.HEMCENTER), "no corpus at " + ServedDocuments.HEMCENTER);
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from /proc");
        int port = freePort();
        String site = "http://127.0.0.1:" + port + "/";
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Medkg.class.getName(), "serve",
                "--store", dir.resolve("store").toString(), "--port", Integer.toString(port), "--base", site,
                "--load", "data", ServedDocuments.HEMCENTER.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            awaitReady(site, serve);
            List<String> paths = paths(site);
            System.out.printf("serving %d paths to %d clients for %d s, then idle for %d s%n", paths.size(), CLIENTS,
                    LOAD.toSeconds(), IDLE.toSeconds());
            sample(serve, "started", 0);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong requests = new AtomicLong();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            Map<String, Integer> failed = new ConcurrentHashMap<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                Thread client = new Thread(() -> {
                    for (int i = first; loading.get(); i++) {
                        String path = paths.get(i % paths.size());
                        int status = get(http, site + path.substring(1));
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status != 200) {
                            failed.putIfAbsent(path, status);
                        }
                        requests.incrementAndGet();
                    }
                }, "client-" + c);
                client.start();
                clients.add(client);
            }
            long began = System.nanoTime();
            while (System.nanoTime() - began < LOAD.toNanos()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                sample(serve, "under load", requests.get());
            }
            loading.set(false);
            for (Thread client : clients) {
                client.join();
            }
            System.out.println("requests by status: " + new TreeMap<>(statuses) + "; paths not answered 200: " + failed);
            long idleFrom = System.nanoTime();
            while (System.nanoTime() - idleFrom < IDLE.toNanos()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                sample(serve, "idle", requests.get());
            }
            // 503 is a request stopped at the time limit, which a loaded machine may see; nothing else is right.
            assertEquals(Set.of(), statuses.keySet().stream().filter(status -> status != 200 && status != 503)
                    .collect(Collectors.toSet()), "answers by status: " + statuses);
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    /** Pages of every kind, search, saved queries, SPARQL, descriptions and VoID, about entities of the corpus. */
    private static List<String> paths(String site) {
        List<String> entities = new ArrayList<>();
        String query = "SELECT DISTINCT ?e { ?e a ?type FILTER(STRSTARTS(STR(?e), \"" + site + "id/\")) } LIMIT 60";
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(site + "medkg/sparql").query(query).build()) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                entities.add("/" + row.getResource("e").getURI().substring(site.length()));
            }
        }
        List<String> paths = new ArrayList<>();
        for (String entity : entities) {
            paths.add("/page" + entity);
            paths.add("/data" + entity + ".ttl");
            paths.add("/data" + entity + ".jsonld");
        }
        for (String name : List.of("Клодзинский", "Пивоварова", "Клодз", "Karaganda", "Астана", "гематолог")) {
            String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
            paths.add("/search?q=" + q);
            paths.add("/api/search?q=" + q);
        }
        paths.add("/");
        paths.add("/?lang=kk");
        paths.add("/.well-known/void");
        paths.add("/api/queries/events-by-year?year=2022&format=json");
        paths.add("/api/queries/most-connected-experts?format=csv");
        paths.add("/api/queries/organizers-and-sponsors");
        paths.add("/medkg/sparql?query=" + URLEncoder.encode(
                "SELECT ?e ?label { ?e a <https://w3id.org/medkg/ontology#Event> ; "
                        + "<http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 200", StandardCharsets.UTF_8));
        return paths;
    }

    private static int get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    /** Prints the resident memory of the server: its process and any process it started. */
    private static void sample(Process serve, String phase, long requests) throws IOException {
        long total = 0;
        StringBuilder each = new StringBuilder();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(serve.toHandle());
        serve.toHandle().descendants().forEach(processes::add);
        for (ProcessHandle process : processes) {
            long kb = residentKb(process.pid());
            total += kb;
            each.append(' ').append(process.pid()).append('=').append(kb / 1024).append("MB");
        }
        System.out.printf("%-10s requests %7d  RSS %5d MB (%s )%n", phase, requests, total / 1024, each.toString().strip());
    }

    private static long residentKb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        }
    }

    private static void awaitReady(String site, Process serve) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (get(http, site) != 200) {
            if (!serve.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("serve did not start; see its log");
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
