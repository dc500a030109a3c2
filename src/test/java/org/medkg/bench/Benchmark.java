package org.medkg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.medkg.cli.ExitCodes;
import org.medkg.pipeline.Converter;

/**
 * medkg at scale, against Jena's own loader: for each scale, the scaled corpus ({@link ScaledCorpus}) is converted,
 * loaded with {@code medkg load --store}, and its N-Quads with {@code medkg load --store} and {@code tdb2.tdbloader}
 * (phased and basic loaders) into fresh stores, one document is re-loaded into the largest store, the store is served
 * (once the server has warmed up) to concurrent clients, each saved query, page kind, search and description in turn,
 * and the same document is re-loaded into the running server. Every command is the real jar (or Jena's
 * command) in its own process, so its time and peak memory are its own. Prints one table, also written as Markdown
 * to {@code OUT/results.md}. Options: {@code --scales 10,100 --clients 16 --seconds 60 --out target/bench --seed 1
 * --jar target/medkg.jar --reloads 10 --quiet 30 --sources FOLDER,...}.
 */
public final class Benchmark {
    private static final String DEFAULT_SOURCES =
            "data,../shared/corpus/seeds,../shared/corpus/hemcenter,../shared/corpus/external2";
    private static final String MKG = "https://w3id.org/medkg/ontology#";
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final String RELOAD = "re-load one changed document: median (its convert alone; difference)";
    private static final String RELOAD_SERVED = "re-load it into the running server (load --endpoint): median (its "
            + "convert alone; difference); the server's PUT: median; compactions";
    /**
     * The user the benchmark's server lets write, as the README starts a server for {@code load --endpoint}: the
     * re-load into the running server and the writes before the first answers after a write.
     */
    private static final String EDITOR = "editor";
    /** A Graph Store write as the server's write log tells it, with how long the server took to answer it. */
    private static final Pattern WRITE_LOGGED =
            Pattern.compile("PUT /medkg/data\\?graph=\\S+: \\d+ bytes, answered (\\d+) in (\\d+) ms");
    private static final Pattern COMPACTED = Pattern.compile("compacted the store ");
    private static final Pattern WARMED_UP = Pattern.compile("warm-up: asked the home page and (\\d+) saved queries "
            + "in ([0-9.]+) s");
    /** How many values of each saved query's required parameters are asked once each, one at a time. */
    private static final int UNASKED_VALUES = 20;
    /** Longer than a served store waits after the last write before it compacts, if it is due. */
    private static final Duration SERVED_COMPACTION_WAIT = Duration.ofSeconds(5);
    /** The graphs that the benchmark's writes of a document put, numbered. */
    private static final String BENCH_DOCUMENT = "urn:medkg:bench:document-";

    private final List<Integer> scales;
    private final int clients;
    private final Duration perItem;
    private final Path out;
    private final long seed;
    private final Path jar;
    private final int reloads;
    /** How long the served store is left without writes before the first answers after a write are asked again. */
    private final Duration quietBeforeAsking;
    private final List<Path> sources;
    private final PrintStream log;
    private final ResultTable table = new ResultTable();
    /** Each re-loaded document as it was before the benchmark changed it. */
    private final Map<Path, String> originals = new HashMap<>();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Benchmark(Map<String, String> options, PrintStream log) {
        this.scales = Arrays.stream(options.getOrDefault("scales", "10,100").split(",")).map(String::strip)
                .map(Integer::valueOf).sorted().toList();
        this.clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        this.perItem = Duration.ofMillis((long) (Double.parseDouble(options.getOrDefault("seconds", "60")) * 1000));
        this.out = Path.of(options.getOrDefault("out", "target/bench"));
        this.seed = Long.parseLong(options.getOrDefault("seed", "1"));
        this.jar = Path.of(options.getOrDefault("jar", "target/medkg.jar"));
        this.reloads = Integer.parseInt(options.getOrDefault("reloads", "10"));
        this.quietBeforeAsking = Duration.ofSeconds(Long.parseLong(options.getOrDefault("quiet", "30")));
        this.sources = Arrays.stream(options.getOrDefault("sources", DEFAULT_SOURCES).split(",")).map(String::strip)
                .map(Path::of).filter(Files::isDirectory).toList();
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String markdown = new Benchmark(options, System.out).run();
        System.out.println();
        System.out.println(markdown);
    }

    /** Runs every scale and returns the table, also written to {@code OUT/results.md}. */
    String run() throws Exception {
        if (sources.isEmpty()) {
            throw new IllegalStateException("no corpus folder found among the sources");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no medkg jar at " + jar + ": build it with mvn package first");
        }
        log.printf("sources %s, seed %d, scales %s, %d clients, %.1f s per served item%n", sources, seed, scales,
                clients, perItem.toMillis() / 1000.0);
        ScaledCorpus corpus = ScaledCorpus.of(sources, seed);
        try {
            for (int scale : scales) {
                runScale(corpus, scale, scale == scales.get(scales.size() - 1));
            }
        } finally {
            // what was measured before a failure stays: a 1,000x run takes an hour
            Files.writeString(out.resolve("results.md"), table.markdown());
        }
        return table.markdown();
    }

    private void runScale(ScaledCorpus corpus, int scale, boolean largest) throws Exception {
        Path dir = out.resolve(scale + "x");
        Path documents = dir.resolve("corpus");
        deleteTree(dir);
        ScaledCorpus.Size size = corpus.write(scale, documents);
        double megabytes = size.bytes() / 1e6;
        put("documents (MB)", scale, String.format(Locale.ROOT, "%d (%.1f MB)", size.documents(), megabytes));

        Path quads = dir.resolve("corpus.nq");
        MeasuredProcess.Result convert = run(dir, "convert", jarCommand("convert", "--format", "nquads", "-o",
                quads.toString(), documents.toString()));
        long quadCount = countLines(quads);
        put("convert: documents/s, MB/s", scale, String.format(Locale.ROOT, "%.0f, %.2f (%.1f s; %.1f ms a document)",
                size.documents() / convert.seconds(), megabytes / convert.seconds(), convert.seconds(),
                convert.seconds() * 1000 / size.documents()));
        put("convert: peak RSS", scale, mb(convert.peakRssBytes()));
        put("quads", scale, Long.toString(quadCount));

        Path store = dir.resolve("store");
        MeasuredProcess.Result load = run(dir, "load", jarCommand("load", "--store", store.toString(),
                documents.toString()));
        // the same N-Quads as Jena's loaders, into a store of its own, removed after: the name index included
        Path fromQuads = dir.resolve("store-from-nquads");
        MeasuredProcess.Result loadQuads = run(dir, "load-nquads", jarCommand("load", "--store", fromQuads.toString(),
                quads.toString()));
        deleteTree(fromQuads);
        MeasuredProcess.Result phased = run(dir, "tdbloader-phased", jenaLoader("phased", dir, quads));
        MeasuredProcess.Result basic = run(dir, "tdbloader-basic", jenaLoader("basic", dir, quads));
        for (var loader : List.of(Map.entry("medkg load --store of the documents (convert included)", load),
                Map.entry("medkg load --store of their N-Quads", loadQuads),
                Map.entry("tdb2.tdbloader --loader=phased", phased), Map.entry("tdb2.tdbloader --loader=basic", basic))) {
            MeasuredProcess.Result result = loader.getValue();
            put(loader.getKey() + ": quads/s, peak RSS", scale, String.format(Locale.ROOT, "%.0f (%.1f s), %s",
                    quadCount / result.seconds(), result.seconds(), mb(result.peakRssBytes())));
        }
        put("load of the N-Quads ÷ phased, ÷ basic (quads/s, same run, same N-Quads)", scale,
                String.format(Locale.ROOT, "%.2f×, %.2f×", phased.seconds() / loadQuads.seconds(),
                        basic.seconds() / loadQuads.seconds()));
        put("load of the documents ÷ phased, ÷ basic (convert included)", scale, String.format(Locale.ROOT,
                "%.2f×, %.2f×", phased.seconds() / load.seconds(), basic.seconds() / load.seconds()));

        Path reloaded = largest ? firstDocumentOfCopyZero(documents) : null;
        if (reloaded != null) {
            put(RELOAD, scale, reload(dir, reloaded, "reload", jarCommand("load", "--store", store.toString(),
                    reloaded.toString())).cell());
        } else {
            put(RELOAD, scale, "largest scale only");
        }
        serve(dir, store, scale, reloaded, firstGraphAsNTriples(quads));
    }

    private static Path firstDocumentOfCopyZero(Path documents) throws IOException {
        try (Stream<Path> files = Files.walk(documents.resolve(ScaledCorpus.copyFolder(0)))) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
    }

    /** The seconds of a document's re-loads and of its conversions alone, a round each. */
    private record Reloads(List<Double> loads, List<Double> converts) {
        String cell() {
            double load = median(loads);
            double convert = median(converts);
            return String.format(Locale.ROOT, "%.2f s (%.2f s; %.0f ms), %d rounds", load, convert,
                    (load - convert) * 1000, loads.size());
        }
    }

    /**
     * The document changed and loaded again by {@code load}, {@code reloads} times, each round with a line the store
     * has not seen, so that its graph is replaced (the load's report must say so, not "unchanged"); after each load,
     * the same changed document converted alone. The document is left as the last round changed it.
     */
    private Reloads reload(Path dir, Path document, String name, List<String> load) throws Exception {
        String original = originals.computeIfAbsent(document, Benchmark::read);
        List<Double> loads = new ArrayList<>();
        List<Double> converts = new ArrayList<>();
        for (int round = 1; round <= reloads; round++) {
            Files.writeString(document, original + "\n\nИсправлено (" + name + ", " + round + ").\n");
            loads.add(run(dir, name, load).seconds());
            Path report = dir.resolve(name + ".log");
            if (!Files.readString(report).contains("replaced: 1")) {
                throw new IllegalStateException(name + " did not replace the changed document's graph; see " + report);
            }
            converts.add(run(dir, name + "-convert", jarCommand("convert", "--format", "nquads", "-o",
                    dir.resolve(name + ".nq").toString(), document.toString())).seconds());
        }
        return new Reloads(loads, converts);
    }

    /** The warm-up's figures once the server's log tells them: its queries and its seconds. */
    private static String awaitWarmUp(MeasuredProcess server, Path serveLog) throws IOException, InterruptedException {
        while (true) {
            Matcher warmedUp = WARMED_UP.matcher(Files.readString(serveLog));
            if (warmedUp.find()) {
                return warmedUp.group(2) + " s, " + warmedUp.group(1) + " saved queries";
            }
            if (!server.isAlive() || server.elapsed() > START_LIMIT.toSeconds()) {
                throw new IllegalStateException("serve did not end its warm-up; see " + serveLog);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Serves the store with an editor's credentials, as the README starts a server that documents are loaded into:
     * the served items are measured first, undisturbed, and then, at the largest scale, {@code reloaded} is
     * re-loaded into the running server.
     */
    private void serve(Path dir, Path store, int scale, Path reloaded, String document) throws Exception {
        int port = freePort();
        String site = "http://127.0.0.1:" + port;
        String editorPassword = Long.toHexString(new SecureRandom().nextLong());
        Path password = Files.writeString(dir.resolve("editor-password"), editorPassword);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Path serveLog = dir.resolve("serve.log");
        try (MeasuredProcess server = MeasuredProcess.start(jarCommand("serve", "--store", store.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--user", EDITOR, "--password-file",
                password.toString()), serveLog)) {
            while (status(http, site + "/") != 200) {
                if (!server.isAlive() || server.elapsed() > START_LIMIT.toSeconds()) {
                    throw new IllegalStateException("serve did not answer; see " + serveLog);
                }
                Thread.sleep(50);
            }
            put("serve: start to first answer", scale, String.format(Locale.ROOT, "%.1f s", server.elapsed()));
            // measured as a server long up is: once it has asked itself what its first users ask (its warm-up)
            put("serve: warm-up (the home page and each saved query's example, asked by the server)", scale,
                    awaitWarmUp(server, serveLog));
            LoadClients load = new LoadClients(clients, perItem);
            List<String> keptBetweenWrites = new ArrayList<>();
            JsonNode listing = new ObjectMapper().readTree(http.send(get(site + "/api/queries").build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Map<String, HttpRequest.Builder> items = servedItems(listing, site, scale, keptBetweenWrites);
            for (Map.Entry<String, HttpRequest.Builder> item : items.entrySet()) {
                log.printf("%d×: %s, %d clients for %.1f s%n", scale, item.getKey(), clients,
                        perItem.toMillis() / 1000.0);
                put(item.getKey(), scale, load.run(item.getValue()).cell());
            }
            // the rows above ask one value again and again, a kept page after the first: what a new question costs
            UnaskedValues unasked = new UnaskedValues(site + "/medkg/sparql");
            for (JsonNode query : listing) {
                String name = query.path("name").asText();
                List<HttpRequest.Builder> asks = unasked.of(query, UNASKED_VALUES).stream()
                        .map(values -> get(site + "/api/queries/" + name + "?" + values)).toList();
                if (!asks.isEmpty()) {
                    log.printf("%d×: %s, %d values not asked before%n", scale, name, asks.size());
                    put("query " + name + ", " + asks.size() + " values not asked before, one at a time", scale,
                            load.oneAtATime(asks).cell());
                }
            }
            int writes = 0;
            for (String item : keptBetweenWrites) {
                write(http, site, editorPassword, BENCH_DOCUMENT + ++writes, document);
                put("after a write: " + item, scale, firstAnswer(http, items.get(item)));
            }
            // and after a write that no kept answer reads: each is kept across it, once asked after the documents
            // written above (which it reads)
            for (String item : keptBetweenWrites) {
                http.send(items.get(item).build(), HttpResponse.BodyHandlers.discarding());
                write(http, site, editorPassword, "urn:medkg:bench:note", "<urn:medkg:bench:note> "
                        + "<http://www.w3.org/2000/01/rdf-schema#comment> \"" + System.nanoTime() + "\" .\n");
                put("after a write no answer reads: " + item, scale, firstAnswer(http, items.get(item)));
            }
            // and asked as an analyst asks after a load, once writes have stopped for a while: the server has computed
            // again meanwhile the whole-graph answers it had been asked for and the write changed
            write(http, site, editorPassword, BENCH_DOCUMENT + ++writes, document);
            Thread.sleep(quietBeforeAsking.toMillis());
            for (String item : keptBetweenWrites) {
                put("after a write and " + quietBeforeAsking.toSeconds() + " s without writes: " + item, scale,
                        firstAnswer(http, items.get(item)));
            }
            put("serve: peak RSS (both JVMs)", scale, mb(server.peakRssBytes()));
            if (reloaded != null) {
                reloadServed(dir, reloaded, site, password, serveLog, scale);
            } else {
                put(RELOAD_SERVED, scale, "largest scale only");
            }
        }
    }

    /**
     * The re-load as a served store gets it: {@code load --endpoint} into the running server, one Graph Store PUT of
     * the document's graph, beside its conversion alone; then how long the server took over each PUT (its write
     * log), and how often it compacted the store meanwhile and once the writes stopped.
     */
    private void reloadServed(Path dir, Path document, String site, Path password, Path serveLog, int scale)
            throws Exception {
        long logBefore = Files.size(serveLog);
        Reloads rounds = reload(dir, document, "reload-served", jarCommand("load", "--endpoint", site + "/medkg",
                "--user", EDITOR, "--password-file", password.toString(), document.toString()));
        Thread.sleep(SERVED_COMPACTION_WAIT.toMillis());
        byte[] log = Files.readAllBytes(serveLog);
        String written = new String(log, (int) logBefore, log.length - (int) logBefore, StandardCharsets.UTF_8);
        List<Double> puts = new ArrayList<>();
        Matcher write = WRITE_LOGGED.matcher(written);
        while (write.find()) {
            if (!write.group(1).startsWith("2")) {
                throw new IllegalStateException("the server answered a re-load's PUT with " + write.group(1)
                        + "; see " + serveLog);
            }
            puts.add(Double.valueOf(write.group(2)));
        }
        if (puts.size() != reloads) {
            throw new IllegalStateException(reloads + " re-loads but " + puts.size() + " PUTs in " + serveLog);
        }
        put(RELOAD_SERVED, scale, String.format(Locale.ROOT, "%s; PUT %.0f ms; %d", rounds.cell(), median(puts),
                COMPACTED.matcher(written).results().count()));
    }

    /**
     * What is asked of the server, by name: each saved query with its required parameters filled as its listing
     * gives them (the example, taken from the corpus, which copy 0 keeps as it is), then each kind of page — for
     * the person, organization and event most documents mention, Kazakhstan and a document — search, and a
     * description by content negotiation.
     */
    private Map<String, HttpRequest.Builder> servedItems(JsonNode listing, String site, int scale,
                                                         List<String> keptBetweenWrites) {
        Map<String, HttpRequest.Builder> items = new LinkedHashMap<>();
        for (JsonNode query : listing) {
            StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
            StringJoiner shown = new StringJoiner(", ", " (", ")").setEmptyValue("");
            for (JsonNode parameter : query.path("parameters")) {
                String value = parameter.path("example").asText(parameter.path("allowed").path(0).asText(""));
                if (UnaskedValues.mustBeGiven(parameter) && !value.isEmpty()) {
                    parameters.add(parameter.path("name").asText() + "=" + encode(value));
                    shown.add(parameter.path("name").asText() + "=" + value);
                }
            }
            String name = query.path("name").asText();
            items.put("query " + name + shown, get(site + "/api/queries/" + name + parameters));
            // the server keeps every saved query's answer (whole, or the page asked) until the next write
            keptBetweenWrites.add("query " + name + shown);
        }
        String person = mostMentioned(site, "id/person/");
        String organization = mostMentioned(site, "id/organization/");
        String event = mostMentioned(site, "id/event/");
        String document = firstDocument(site);
        String surname = person.substring("id/person/".length()).replaceFirst("-[a-z]$", "");
        put("served: person, organization, event, document, search", scale, String.join(", ", person, organization,
                event, document, "q=" + surname));
        items.put("page: home", get(site + "/"));
        keptBetweenWrites.add("page: home");
        items.put("page: person", get(site + "/page/" + person));
        items.put("page: organization", get(site + "/page/" + organization));
        items.put("page: country id/place/kazakhstan", get(site + "/page/id/place/kazakhstan"));
        items.put("page: event", get(site + "/page/" + event));
        items.put("page: document", get(site + "/page/" + document));
        items.put("search (page)", get(site + "/search?q=" + encode(surname)));
        items.put("description of the person (Accept: text/turtle)", get(site + "/" + person)
                .header("Accept", "text/turtle"));
        return items;
    }

    /** The path of the entity under {@code kind} (id/person/) that most documents mention. */
    private static String mostMentioned(String site, String kind) {
        String query = "SELECT ?e (COUNT(?d) AS ?n) WHERE { ?d <" + MKG + "mentions> ?e "
                + "FILTER(STRSTARTS(STR(?e), \"" + Converter.DEFAULT_BASE + kind + "\")) } "
                + "GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1";
        return firstPath(site, query, "e");
    }

    private static String firstDocument(String site) {
        return firstPath(site, "SELECT ?d WHERE { ?d a <" + MKG + "Document> } ORDER BY ?d LIMIT 1", "d");
    }

    private static String firstPath(String site, String query, String variable) {
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(site + "/medkg/sparql").query(query).build()) {
            ResultSet rows = exec.execSelect();
            QuerySolution row = rows.next();
            return row.getResource(variable).getURI().substring(Converter.DEFAULT_BASE.length());
        }
    }

    /**
     * A Graph Store PUT of {@code triples} as the graph named {@code graph}, with the editor's credentials: a new data
     * version of the store, after which the answers the server keeps that the write may have changed are computed
     * again.
     */
    private static void write(HttpClient http, String site, String editorPassword, String graph, String triples)
            throws Exception {
        HttpResponse<Void> write = http.send(HttpRequest.newBuilder(URI.create(site + "/medkg/data?graph="
                        + encode(graph)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (EDITOR + ":" + editorPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofString(triples)).build(), HttpResponse.BodyHandlers.discarding());
        if (write.statusCode() / 100 != 2) {
            throw new IllegalStateException("the benchmark's write answered " + write.statusCode());
        }
    }

    /** How long one request took, alone, with its status when it was not 200. */
    private static String firstAnswer(HttpClient http, HttpRequest.Builder request) throws Exception {
        long began = System.nanoTime();
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return String.format(Locale.ROOT, "%d ms%s", (System.nanoTime() - began) / 1_000_000,
                status == 200 ? "" : " (" + status + ")");
    }

    /**
     * The first document's graph of the converted corpus, as N-Triples: what a write of a document puts in the store
     * (its people, places and events, which every kept answer may read), read without reading the whole file.
     */
    private static String firstGraphAsNTriples(Path quads) throws IOException {
        StringBuilder firstGraph = new StringBuilder();
        String graph = null;
        try (Stream<String> lines = Files.lines(quads)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String name = line.substring(line.lastIndexOf(" <", line.length() - 3) + 1);
                if (graph != null && !graph.equals(name)) {
                    break;
                }
                graph = name;
                firstGraph.append(line).append('\n');
            }
        }
        DatasetGraph read = DatasetGraphFactory.create();
        RDFParser.fromString(firstGraph.toString(), Lang.NQUADS).parse(read);
        StringWriter triples = new StringWriter();
        RDFDataMgr.write(triples, read.getGraph(read.listGraphNodes().next()), Lang.NTRIPLES);
        return triples.toString();
    }

    private List<String> jarCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Jena's {@code tdb2.tdbloader} into a fresh store: the command of jena-cmds, which medkg's jar holds (Fuseki
     * depends on it), so both loaders run the same Jena on the same JVM with its default heap.
     */
    private List<String> jenaLoader(String loader, Path dir, Path quads) {
        return List.of(java, "-cp", jar.toString(), "tdb2.tdbloader", "--loader=" + loader,
                "--loc", dir.resolve("tdb-" + loader).toString(), quads.toString());
    }

    private MeasuredProcess.Result run(Path dir, String name, List<String> command) throws Exception {
        log.printf("%s: %s%n", name, String.join(" ", command));
        MeasuredProcess.Result result = MeasuredProcess.run(command, dir.resolve(name + ".log"));
        if (result.status() == ExitCodes.SOME_INPUTS_FAILED) {
            log.printf("%s: some documents were left out; see %s%n", name, dir.resolve(name + ".log"));
        } else if (result.status() != ExitCodes.OK) {
            throw new IllegalStateException(name + " exited with " + result.status() + "; see "
                    + dir.resolve(name + ".log"));
        }
        return result;
    }

    private void put(String measure, int scale, String value) {
        log.printf("%d×  %s: %s%n", scale, measure, value);
        table.put(measure, scale, value);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(get(url).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countLines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
