package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.server.MedkgServer;
import org.medkg.store.TdbGraphStore;

/**
 * What the README's "Serving a larger store" tells a user to do: a plain Fuseki holding the store over TDB2, started
 * from the configuration the README ships ({@code docs/fuseki-medkg.ttl}) on a free loopback port and loaded with
 * {@code load --endpoint}; {@code serve --endpoint} in front of it, run in-process as a user runs it. A local
 * {@code serve} of the same seeds is the reference. The tests run in order: the seeds are loaded in two steps, and
 * the remote store is stopped last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeRemoteStoreTest {
    private static final Path FUSEKI_CONFIG = Path.of("docs/fuseki-medkg.ttl");
    private static final Path FIRST_SEEDS = Path.of("data/000_be1d552f40914512.txt");
    private static final Path SECOND_SEEDS = Path.of("data/001_d9529d5f736d3bf0.txt");
    /** Loaded while the server runs: its people are found once the name index has seen the change. */
    private static final Path LATER_SEED = Path.of("data/002_d6f503734638d6f4.txt");

    /** The remote Fuseki's own time limit: it goes on with a query its client has left until then. */
    private static final int REMOTE_TIME_LIMIT_MILLIS = 8000;

    @TempDir
    static Path dir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FusekiServer fuseki;
    private static String remoteUrl;
    private static ServeInProcess serve;
    private static String site;
    private static TdbGraphStore localStore;
    private static MedkgServer local;

    /** A running {@code medkg serve}: its output so far and its exit status once stopped. */

    @BeforeAll
    static void startStores() throws Exception {
        // The shipped configuration, with its store in this test's folder and a time limit short enough for a test.
        String config = Files.readString(FUSEKI_CONFIG)
                .replaceFirst("tdb2:location \"[^\"]*\"",
                        "tdb2:location \"" + dir.resolve("big-store").toString().replace("\\", "/") + "\"")
                .replaceFirst("ja:cxtValue \"\\d+\"", "ja:cxtValue \"" + REMOTE_TIME_LIMIT_MILLIS + "\"");
        Path configFile = Files.writeString(dir.resolve("fuseki.ttl"), config);
        fuseki = FusekiServer.create().parseConfigFile(configFile.toString()).port(0).loopback(true).build().start();
        remoteUrl = "http://127.0.0.1:" + fuseki.getPort() + "/medkg";

        CommandRun load = CommandRun.run("load", "--endpoint", remoteUrl, FIRST_SEEDS.toString(), SECOND_SEEDS.toString());
        assertEquals(ExitCodes.OK, load.status(), load.err());

        serve = ServeInProcess.start("serve", "--endpoint", remoteUrl, "--port", "0", "--refresh", "1");
        Map<String, String> endpoints = serve.endpoints();
        site = endpoints.get("Home page");
        assertTrue(site != null, serve.out() + "\n" + serve.err());

        // The reference: the same seeds in a local store, served as usual.
        CommandRun loadLocal = CommandRun.run("load", "--store", dir.resolve("local").toString(),
                FIRST_SEEDS.toString(), SECOND_SEEDS.toString(), LATER_SEED.toString());
        assertEquals(ExitCodes.OK, loadLocal.status(), loadLocal.err());
        localStore = TdbGraphStore.open(dir.resolve("local"));
        local = MedkgServer.builder().dataset(localStore.dataset().asDatasetGraph()).port(0).build().start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (serve != null) {
            serve.stop();
        }
        if (local != null) {
            local.stop();
            localStore.close();
        }
        if (fuseki != null) {
            fuseki.stop();
        }
    }

    private static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the answer satisfies {@code wanted} or 60 s have passed (a busy machine); the last answer. */
    private static HttpResponse<String> getUntil(String url, Predicate<HttpResponse<String>> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> answer = get(url, "application/json");
        while (!wanted.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = get(url, "application/json");
        }
        return answer;
    }

    private static String search(String name) {
        return site + "api/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void searchFindsAPersonByAnInflectedNameFromTheRemoteStoresNames() throws Exception {
        HttpResponse<String> found = getUntil(search("Абдушукуровой"), answer -> answer.statusCode() == 200);
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("\"iri\":\"http://localhost:3030/id/person/abdusukurova-g\""), found.body());
        assertTrue(found.body().contains("Абдушукурова Гулзада Зафаровна"), "the label read from the remote store");

        HttpResponse<String> nobody = get(search("Кемайкин"), "application/json");
        assertEquals("[]", nobody.body().strip(), "a person of a document not loaded yet");
    }

    @Test
    @Order(2)
    void aDocumentLoadedIntoTheRemoteStoreIsFoundOnceItsNamesAreIndexedAgain() throws Exception {
        CommandRun load = CommandRun.run("load", "--endpoint", remoteUrl, LATER_SEED.toString());
        assertEquals(ExitCodes.OK, load.status(), load.err());
        assertTrue(load.out().contains("added: 1"), load.out());

        HttpResponse<String> found = getUntil(search("Кемайкин"), answer -> answer.body().contains("kemaikin-v"));
        assertTrue(found.body().contains("\"iri\":\"http://localhost:3030/id/person/kemaikin-v\""), found.body());
    }

    @Test
    @Order(3)
    void savedQueriesGiveTheSameRowsAsALocalServeOfTheSameDocuments() throws Exception {
        for (String query : new String[] {"events-by-year?year=2024", "organizers-and-sponsors",
                "experts-by-qualification?qualification=PhD", "most-connected-experts"}) {
            String path = "api/queries/" + query + (query.contains("?") ? "&" : "?") + "format=csv";
            HttpResponse<String> remote = get(site + path, "text/csv");
            HttpResponse<String> reference = get(local.siteUrl() + path, "text/csv");
            assertEquals(200, remote.statusCode(), query + ": " + remote.body());
            assertEquals(200, reference.statusCode(), query + ": " + reference.body());
            assertTrue(reference.body().lines().count() > 1, query + " has rows on the seeds");
            assertEquals(reference.body(), remote.body(), query);
        }
        String count = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/medkg/ontology#Person> }";
        String sparql = "medkg/sparql?query=" + URLEncoder.encode(count, StandardCharsets.UTF_8);
        HttpResponse<String> remote = get(site + sparql, "text/csv");
        assertEquals(200, remote.statusCode(), remote.body());
        assertEquals(get(local.siteUrl() + sparql, "text/csv").body(), remote.body(), "the SPARQL endpoint");

        // Other query forms are made here from the rows the store sends.
        String construct = "CONSTRUCT { ?p a <https://w3id.org/medkg/ontology#Person> } "
                + "WHERE { ?p a <https://w3id.org/medkg/ontology#Person> }";
        String constructed = "medkg/sparql?query=" + URLEncoder.encode(construct, StandardCharsets.UTF_8);
        HttpResponse<String> triples = get(site + constructed, "application/n-triples");
        assertEquals(200, triples.statusCode(), triples.body());
        assertEquals(get(local.siteUrl() + constructed, "application/n-triples").body().lines().sorted().toList(),
                triples.body().lines().sorted().toList(), "CONSTRUCT");
        for (String ask : new String[] {"ASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> \"Клодзинский Антон Анатольевич\"@ru }",
                "ASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> \"Nobody\" }"}) {
            String asked = "medkg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8);
            assertEquals(get(local.siteUrl() + asked, "application/sparql-results+json").body(),
                    get(site + asked, "application/sparql-results+json").body(), ask);
        }
    }

    @Test
    @Order(4)
    void anEntityPageRendersAndItsIriDereferencesToTurtle() throws Exception {
        HttpResponse<String> page = get(site + "page/id/person/klodzinski-a?lang=ru", "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Клодзинский Антон Анатольевич"), "the person's name");
        assertTrue(page.body().contains("/page/doc/data/001_d9529d5f736d3bf0.txt"), "the document that says so");
        assertEquals(get(local.siteUrl() + "page/id/person/klodzinski-a?lang=ru", "text/html").body()
                .replace(local.siteUrl(), site), page.body(), "the same page as a local serve");

        HttpResponse<String> redirect = get(site + "id/person/klodzinski-a", "text/turtle");
        assertEquals(303, redirect.statusCode());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertEquals("/data/id/person/klodzinski-a.ttl", location);
        HttpResponse<String> turtle = get(site + location.substring(1), "text/turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());
        Model description = ModelFactory.createDefaultModel();
        description.read(new StringReader(turtle.body()), null, "TTL");
        assertTrue(description.contains(description.createResource("http://localhost:3030/id/person/klodzinski-a"),
                RDFS.label, description.createLiteral("Клодзинский Антон Анатольевич", "ru")), turtle.body());

        assertEquals(404, get(site + "id/person/nobody-x", "text/turtle").statusCode(), "an IRI the store lacks");

        String graph = "http://localhost:3030/doc/data/001_d9529d5f736d3bf0.txt";
        HttpResponse<String> document = get(site + "medkg/get?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8),
                "application/n-triples");
        assertEquals(200, document.statusCode(), document.body());
        assertEquals(get(local.siteUrl() + "medkg/get?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8),
                        "application/n-triples").body().lines().sorted().toList(),
                document.body().lines().sorted().toList(), "a document's graph by the Graph Store Protocol");
    }

    @Test
    @Order(5)
    void writesAreRefusedWithTheWayToWrite() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(site + "medkg/data?graph=urn:x:g"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> 1 .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode(), put.body());
        assertTrue(put.body().contains("writes nothing: write to that store (medkg load --endpoint " + remoteUrl), put.body());
        HttpResponse<String> update = HTTP.send(HttpRequest.newBuilder(URI.create(site + "medkg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> 1 }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, update.statusCode(), update.body());
        String ask = "ASK { <urn:x:s> ?p ?o }";
        HttpResponse<String> written = get(site + "medkg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertTrue(written.body().contains("false"), "nothing reached the store: " + written.body());
        assertFalse(serve.out().toString().contains("Graph Store (write)"), serve.out().toString());
    }

    @Test
    @Order(6)
    void aRemoteQueryIsStoppedAtTheServersTimeLimit() throws Exception {
        ServeInProcess limited = ServeInProcess.start("serve", "--endpoint", remoteUrl, "--port", "0", "--timeout", "2");
        try {
            String sparql = limited.endpoints().get("SPARQL query");
            String endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 99999999999999 LIMIT 1";
            long start = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sparql))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(endless, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(millis < REMOTE_TIME_LIMIT_MILLIS, "stopped at this server's limit, not the remote's: " + millis + " ms");
        } finally {
            assertEquals(ExitCodes.OK, limited.stop());
        }
    }

    @Test
    @Order(7)
    void whenTheRemoteStoreIsDownPagesAndQueriesSayItWith502AndTheServerGoesOn() throws Exception {
        fuseki.stop();
        fuseki = null;
        for (String path : new String[] {"page/id/person/klodzinski-a", "api/queries/events-by-year?year=2024",
                "data/id/person/klodzinski-a.ttl", "medkg/sparql?query=ASK%7B%7D", "", "api/search?q=Klodzinsky"}) {
            HttpResponse<String> answer = get(site + path, "*/*");
            assertEquals(502, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.body().contains("the store at " + remoteUrl + " does not answer: connection refused"),
                    path + ": " + answer.body());
            assertFalse(answer.body().contains("at org."), "no stack trace: " + answer.body());
        }
        assertEquals(200, get(site + "static/medkg.css", "*/*").statusCode(), "the server itself goes on");
    }

    @Test
    @Order(8)
    void serveStartsWhenTheRemoteStoreIsDownAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort + "/medkg";
        ServeInProcess down = ServeInProcess.start("serve", "--endpoint", nowhere, "--port", "0");
        try {
            String home = down.endpoints().get("Home page");
            assertTrue(home != null, down.out() + "\n" + down.err());
            assertTrue(down.err().toString().contains("the store at " + nowhere + " does not answer: connection refused"),
                    down.err().toString());
            HttpResponse<String> page = get(home, "text/html");
            assertEquals(502, page.statusCode(), page.body());
            HttpResponse<String> search = get(home + "api/search?q=Klodzinsky", "application/json");
            assertEquals(502, search.statusCode(), search.body());
            assertTrue(search.body().contains("not indexed yet"), search.body());
        } finally {
            assertEquals(ExitCodes.OK, down.stop());
        }
    }

    @Test
    @Order(9)
    void aStoreThatWantsAPasswordGetsTheOneInThePasswordFile() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwd"), "reader: s3cret\n");
        FusekiServer guarded = FusekiServer.create().port(0).loopback(true).auth(AuthScheme.BASIC)
                .passwordFile(passwords.toString()).serverAuthPolicy(Auth.policyAllowSpecific("reader"))
                .add("/medkg", DatasetGraphFactory.createTxnMem()).build().start();
        String url = "http://127.0.0.1:" + guarded.getPort() + "/medkg";
        Path passwordFile = Files.writeString(dir.resolve("reader-password"), "s3cret\n");
        ServeInProcess anonymous = ServeInProcess.start("serve", "--endpoint", url, "--port", "0");
        ServeInProcess reader = ServeInProcess.start("serve", "--endpoint", url, "--port", "0", "--user", "reader",
                "--password-file", passwordFile.toString());
        try {
            HttpResponse<String> refused = get(anonymous.endpoints().get("Home page"), "text/html");
            assertEquals(502, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("the store at " + url + " answered 401"), refused.body());
            HttpResponse<String> home = get(reader.endpoints().get("Home page"), "text/html");
            assertEquals(200, home.statusCode(), home.body());
            assertFalse(reader.out().toString().contains("SPARQL update"), "the user is the store's, not a writer here");
        } finally {
            assertEquals(ExitCodes.OK, anonymous.stop());
            assertEquals(ExitCodes.OK, reader.stop());
            guarded.stop();
        }
    }

    @Test
    @Order(10)
    void endpointCannotBeGivenWithAStoreOrDocumentsToLoad() throws Exception {
        CommandRun both = CommandRun.run("serve", "--endpoint", "http://127.0.0.1:1/medkg", "--store",
                dir.resolve("x").toString(), "--port", "0");
        assertEquals(ExitCodes.USAGE, both.status());
        assertTrue(both.err().contains("load --endpoint"), both.err());
        CommandRun notUrl = CommandRun.run("serve", "--endpoint", "big-store", "--port", "0");
        assertEquals(ExitCodes.USAGE, notUrl.status());
        assertTrue(notUrl.err().contains("--endpoint: not an http(s) URL: big-store"), notUrl.err());
        CommandRun refreshAlone = CommandRun.run("serve", "--store", dir.resolve("x").toString(), "--refresh", "5");
        assertEquals(ExitCodes.USAGE, refreshAlone.status());
        assertTrue(refreshAlone.err().contains("--refresh is for a store read with --endpoint"), refreshAlone.err());
    }
}
