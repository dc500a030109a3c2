package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.io.IOX;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.MKG;
import org.medkg.search.LuceneNameIndex;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;
import org.medkg.store.RemoteGraphStore;
import org.medkg.store.TdbGraphStore;

/**
 * Name search over real HTTP: a medkg server on a free loopback port over a real TDB2 store loaded with the seeds
 * in data/ and, when ../shared is there, the hemcenter articles.
 */
class SearchApiTest {

    private static final Path SEEDS = Path.of("data");
    private static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
    private static final String SEED_WITH_TATAURSHCHIKOVA = "000_be1d552f40914512.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path corpusDir;
    private static TdbGraphStore corpusStore;
    private static MedkgServer corpusServer;

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void serveTheCorpus() {
        List<Path> inputs = Files.isDirectory(HEMCENTER) ? List.of(SEEDS, HEMCENTER) : List.of(SEEDS);
        corpusStore = TdbGraphStore.open(corpusDir.resolve("store"));
        LoadReport report = corpusStore.load(convert(inputs), LoadProgress.none());
        assertTrue(report.failed().isEmpty(), report.failed().toString());
        corpusServer = MedkgServer.builder().dataset(corpusStore.dataset().asDatasetGraph()).port(0).build().start();
    }

    @AfterAll
    static void stopTheCorpus() {
        corpusServer.stop();
        corpusStore.close();
    }

    @AfterEach
    void closeInReverse() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void threeSpellingsOfAPersonFindTheSamePersonFirst() {
        assumeTrue(Files.isDirectory(HEMCENTER), "needs ../shared");
        Set<String> firsts = new TreeSet<>();
        for (String spelling : List.of("Клодзинского", "Klodzinsky", "Клодзинский")) {
            JsonNode first = search(corpusServer, spelling).get(0);
            firsts.add(first.get("iri").asText());
            assertTrue(types(first).contains(MKG.Person.getURI()), first.toString());
            // The name shown is in the script the reader typed.
            assertEquals(spelling.startsWith("K"), first.get("label").asText().startsWith("K"), first.toString());
        }
        assertEquals(1, firsts.size(), firsts.toString());
    }

    @Test
    void aKazakhInflectedFormFindsItsEntity() {
        assumeTrue(Files.isDirectory(HEMCENTER), "needs ../shared");
        // "…гематологы Вадим Кемайкиннің жетекшілігімен жұмыс тобы…" (kk)
        JsonNode inflected = search(corpusServer, "Кемайкиннің").get(0);
        assertEquals(search(corpusServer, "Vadim Kemaikin").get(0).get("iri"), inflected.get("iri"));
        assertTrue(types(inflected).contains(MKG.Person.getURI()), inflected.toString());
        // "Енді Қарағандыда да амбулаториялық қабылдау жүргізілуде." (kk)
        JsonNode city = search(corpusServer, "Қарағандыда").get(0);
        assertEquals(search(corpusServer, "Karaganda").get(0).get("iri"), city.get("iri"));
    }

    @Test
    void anOrganizationIsFoundByAnInflectedWordAndLabelledInItsLanguage() {
        assumeTrue(Files.isDirectory(HEMCENTER), "needs ../shared");
        // "…медицинским директором ТОО «Центр гематологии»…", "Карагандинский филиал Центра гематологии"
        JsonNode first = search(corpusServer, "Центра гематологии").get(0);
        assertTrue(types(first).contains(MKG.Organization.getURI()), first.toString());
        assertEquals("Центр гематологии", first.get("label").asText(), first.toString());
        // "Гематология орталығының қызметкерлері…" (kk)
        JsonNode kazakh = search(corpusServer, "Гематология орталығының").get(0);
        assertTrue(types(kazakh).contains(MKG.Organization.getURI()), kazakh.toString());
    }

    @Test
    void hitsAreDistinctEntitiesBestFirstAndTheLastWordMayBeUnfinished() {
        assumeTrue(Files.isDirectory(HEMCENTER), "needs ../shared");
        JsonNode hits = search(corpusServer, "гематологии", 10);
        assertEquals(10, hits.size());
        Set<String> iris = new TreeSet<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode hit : hits) {
            assertTrue(iris.add(hit.get("iri").asText()), "twice: " + hit);
            assertTrue(hit.get("score").asDouble() <= previous, hits.toString());
            previous = hit.get("score").asDouble();
        }
        String klodzinsky = search(corpusServer, "Klodzinsky").get(0).get("iri").asText();
        assertTrue(iris(search(corpusServer, "Антон Клодз")).contains(klodzinsky));
        assertFalse(iris(search(corpusServer, "Антон Клодз ")).contains(klodzinsky), "a finished word is whole");
    }

    @Test
    void aSeedPersonIsFoundInAnyCaseAndNotByAnotherPersonsName() {
        // "– Татаурщикова Наталья Станиславовна, д.м.н., профессор, Президент Общества…" (data/000)
        String person = search(corpusServer, "Татаурщикова Наталья").get(0).get("iri").asText();
        assertEquals(person, search(corpusServer, "Татаурщиковой").get(0).get("iri").asText());
        assertEquals(person, search(corpusServer, "tataurshchikova").get(0).get("iri").asText());
        assertEquals(Set.of(), iris(search(corpusServer, "Татаурщикова Эльмира")));
    }

    @Test
    void aMissingOrBadQueryIsA400WithAMessage() throws IOException, InterruptedException {
        for (String query : List.of("", "?q=", "?q=%20", "?q=Klodzinsky&limit=0", "?q=Klodzinsky&limit=many")) {
            HttpResponse<String> response = get(corpusServer, SearchModule.PATH + query);
            assertEquals(400, response.statusCode(), query);
            assertTrue(JSON.readTree(response.body()).get("error").asText().length() > 5, response.body());
        }
    }

    @Test
    void textQueryWorksInSparql() {
        String query = """
                PREFIX text: <http://jena.apache.org/text#>
                SELECT DISTINCT ?entity { ?entity text:query "Татаурщиковой" }
                """;
        Set<String> found = new TreeSet<>();
        try (QueryExecutionHTTP execution = QueryExecutionHTTP.service(corpusServer.sparqlUrl()).query(query).build()) {
            execution.execSelect().forEachRemaining(row -> found.add(row.getResource("entity").getURI()));
        }
        assertFalse(found.isEmpty());
        assertEquals(iris(search(corpusServer, "Татаурщикова Наталья")), found);
    }

    @Test
    void reloadingAChangedDocumentDropsItsOldNames() throws IOException {
        Path original = dir.resolve("docs").resolve(SEED_WITH_TATAURSHCHIKOVA);
        Files.createDirectories(original.getParent());
        Files.copy(SEEDS.resolve(SEED_WITH_TATAURSHCHIKOVA), original);
        TdbGraphStore store = open(dir.resolve("store"));
        store.load(convert(List.of(original)), LoadProgress.none());
        MedkgServer server = serve(store, false);
        assertFalse(search(server, "Татаурщиковой").isEmpty());
        assertFalse(search(server, "Битанова").isEmpty());

        List<String> lines = Files.readAllLines(original);
        lines.removeIf(line -> line.contains("Татаурщиков"));
        Files.write(original, lines);
        LoadReport report = store.load(convert(List.of(original)), LoadProgress.none());
        assertEquals(1, report.replaced().size(), report.toString());

        assertEquals(0, search(server, "Татаурщиковой").size());
        assertFalse(search(server, "Битанова").isEmpty(), "the names still in the document stay");
    }

    @Test
    void aDocumentLoadedOverHttpIsFoundAndADroppedGraphIsNot() {
        TdbGraphStore store = open(dir.resolve("store"));
        MedkgServer server = serve(store, true);
        try (RemoteGraphStore remote = RemoteGraphStore.connect(server.datasetUrl(), "editor", "s3cret")) {
            LoadReport report = remote.load(convert(List.of(SEEDS)), LoadProgress.none());
            assertEquals(3, report.added().size(), report.toString());
        }
        JsonNode hits = search(server, "Татаурщиковой");
        assertEquals(1, hits.size(), hits.toString());

        String graph = "http://localhost:3030/doc/data/" + SEED_WITH_TATAURSHCHIKOVA;
        UpdateExecutionHTTP.service(server.updateUrl().orElseThrow())
                .httpClient(HttpClient.newBuilder().authenticator(
                        org.apache.jena.http.auth.AuthLib.authenticator("editor", "s3cret")).build())
                .update("DROP GRAPH <" + graph + ">").execute();
        assertEquals(0, search(server, "Татаурщиковой").size());
    }

    @Test
    void aRestartedStoreKeepsItsIndexAndAStoreWithoutOneGetsItBuilt() {
        Path storeDir = dir.resolve("store");
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            store.load(convert(List.of(SEEDS)), LoadProgress.none());
        }
        String found;
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            MedkgServer server = serve(store, false);
            found = search(server, "Татаурщиковой").get(0).get("iri").asText();
            server.stop();
        }
        // A store made before there was search has no index: it is built when the store is opened.
        IOX.deleteAll(storeDir.resolve(LuceneNameIndex.FOLDER));
        TdbGraphStore store = open(storeDir);
        MedkgServer server = serve(store, false);
        assertEquals(found, search(server, "Tataurshchikova").get(0).get("iri").asText());
    }

    private TdbGraphStore open(Path storeDir) {
        TdbGraphStore store = TdbGraphStore.open(storeDir);
        toClose.add(store);
        return store;
    }

    private MedkgServer serve(TdbGraphStore store, boolean writable) {
        MedkgServer.Builder builder = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0);
        if (writable) {
            builder.credentials("editor", "s3cret");
        }
        MedkgServer server = builder.build().start();
        toClose.add(server::stop);
        return server;
    }

    private static List<ConvertedDocument> convert(List<Path> inputs) {
        return Converter.standard().convert(inputs, failure -> {
            throw new AssertionError(failure.getMessage());
        });
    }

    private static JsonNode search(MedkgServer server, String query) {
        return search(server, query, 5);
    }

    private static JsonNode search(MedkgServer server, String query, int limit) {
        try {
            HttpResponse<String> response = get(server, SearchModule.PATH + "?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode hits = JSON.readTree(response.body());
            assertTrue(hits.isArray(), response.body());
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(MedkgServer server, String pathAndQuery)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> types(JsonNode hit) {
        Set<String> types = new TreeSet<>();
        hit.get("types").forEach(type -> types.add(type.asText()));
        return types;
    }

    private static Set<String> iris(JsonNode hits) {
        Set<String> iris = new TreeSet<>();
        hits.forEach(hit -> iris.add(hit.get("iri").asText()));
        return iris;
    }
}
