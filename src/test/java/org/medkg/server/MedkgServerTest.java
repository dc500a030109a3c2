package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.rdf.MKG;

/** A real Fuseki on a free loopback port over a real TDB2 store, spoken to over HTTP. */
class MedkgServerTest {
    private static final String DOC = "https://w3id.org/medkg/doc/";
    private static final String EHA_GRAPH = DOC + "2019-03-16-eha-tutorial/item.en.md";
    private static final String NEPHROLOGY_GRAPH = DOC + "2022-10-20-important-milestone/item.en.md";
    // Event names as the English articles of ../shared/corpus/hemcenter write them.
    private static final String EHA_TUTORIAL = "EHA Tutorial in Kazakhstan";
    private static final String NEPHROLOGY_CONGRESS =
            "IMPORTANT MILESTONE: Conceptual Approaches and Key Directions of Multidimensional Nephrology";

    private static final String UNION_LABELS_QUERY = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label { ?doc a mkg:Document ; mkg:mentions ?event . ?event rdfs:label ?label }
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path storeDir;

    private Dataset dataset;
    private MedkgServer server;

    @BeforeEach
    void openStoreWithTwoDocuments() {
        dataset = TDB2Factory.connectDataset(storeDir.toString());
        DatasetGraph dsg = dataset.asDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            dsg.addGraph(NodeFactory.createURI(EHA_GRAPH), documentGraph(EHA_GRAPH, "eha-tutorial", EHA_TUTORIAL));
            dsg.addGraph(NodeFactory.createURI(NEPHROLOGY_GRAPH),
                    documentGraph(NEPHROLOGY_GRAPH, "important-milestone", NEPHROLOGY_CONGRESS));
        });
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
        dataset.close();
    }

    /** A document graph as GRAPH.md asks for: the document node mentioning one event with its label. */
    private static Graph documentGraph(String docIri, String eventKey, String eventLabel) {
        Graph graph = GraphFactory.createDefaultGraph();
        Node doc = NodeFactory.createURI(docIri);
        Node event = NodeFactory.createURI("https://w3id.org/medkg/event/" + eventKey);
        graph.add(doc, RDF.type.asNode(), MKG.Document);
        graph.add(doc, MKG.language, NodeFactory.createLiteralString("en"));
        graph.add(doc, MKG.mentions, event);
        graph.add(event, RDF.type.asNode(), MKG.Event);
        graph.add(event, RDFS.label.asNode(), NodeFactory.createLiteralLang(eventLabel, "en"));
        return graph;
    }

    private MedkgServer start(MedkgServer.Builder builder) {
        server = builder.dataset(dataset.asDatasetGraph()).port(0).build().start();
        return server;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String query) throws IOException, InterruptedException {
        // A limit of our own, so a server that fails to stop a slow query fails the test instead of hanging it.
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/sparql-query")
                        .header("Accept", "application/sparql-results+json")
                        .POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> update(String url, String update, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> column(HttpResponse<String> response, String variable) {
        ResultSet results = ResultSetFactory.fromJSON(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Set<String> values = new TreeSet<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            values.add(row.get(variable).asLiteral().getLexicalForm());
        }
        return values;
    }

    @Test
    void queryWithoutGraphClauseSeesEveryDocumentGraph() throws Exception {
        start(MedkgServer.builder());
        HttpResponse<String> response = query(UNION_LABELS_QUERY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Set.of(EHA_TUTORIAL, NEPHROLOGY_CONGRESS), column(response, "label"));
    }

    @Test
    void queryEndpointAndDatasetUrlAnswerGetRequestsToo() throws Exception {
        start(MedkgServer.builder());
        String encoded = URLEncoder.encode(UNION_LABELS_QUERY, StandardCharsets.UTF_8);
        for (String url : List.of(server.datasetUrl() + "/query", server.datasetUrl())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "?query=" + encoded))
                            .header("Accept", "application/sparql-results+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url + ": " + response.body());
            assertEquals(Set.of(EHA_TUTORIAL, NEPHROLOGY_CONGRESS), column(response, "label"), url);
        }
    }

    @Test
    void graphStoreReadReturnsOneDocumentGraph() throws Exception {
        start(MedkgServer.builder());
        for (String base : List.of(server.graphStoreReadUrl(), server.datasetUrl())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "?graph=" + URLEncoder.encode(EHA_GRAPH, StandardCharsets.UTF_8)))
                    .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), base + ": " + response.body());
            Graph graph = RDFParser.fromString(response.body(), Lang.TURTLE).toGraph();
            Node event = NodeFactory.createURI("https://w3id.org/medkg/event/eha-tutorial");
            assertTrue(graph.contains(event, RDFS.label.asNode(), NodeFactory.createLiteralLang(EHA_TUTORIAL, "en")));
            assertTrue(graph.contains(NodeFactory.createURI(EHA_GRAPH), RDF.type.asNode(), MKG.Document));
            assertFalse(graph.contains(Node.ANY, RDFS.label.asNode(),
                    NodeFactory.createLiteralLang(NEPHROLOGY_CONGRESS, "en")), "only the asked-for graph");
        }
    }

    @Test
    void withoutCredentialsNothingCanBeWritten() throws Exception {
        start(MedkgServer.builder());
        assertFalse(server.updatable());
        String insert = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"written\" } }";
        for (String url : List.of(server.datasetUrl() + "/update", server.datasetUrl())) {
            int status = update(url, insert, null).statusCode();
            assertTrue(status >= 400 && status < 500, url + " answered " + status);
        }
        // Expect: 100-continue, so the refusal comes before the body is sent: a server that refuses without reading
        // the body may otherwise close the connection while the client still writes it. And a connection of its own:
        // the refused updates' connection may be closing when the pool hands it out again (seen once in a full run:
        // "header parser received no bytes").
        int put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/data?graph=urn:x:g"))
                .expectContinue(true)
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"written\" .")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(put >= 400 && put < 500, "GSP PUT answered " + put);
        assertEquals(Set.of(), column(query("SELECT ?o { ?s <urn:x:p> ?o }"), "o"), "nothing was written");
    }

    @Test
    void withCredentialsUpdatesNeedBasicAuth() throws Exception {
        start(MedkgServer.builder().credentials("editor", "s3cret"));
        String updateUrl = server.updateUrl().orElseThrow();
        String insert = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"written\" } }";

        HttpResponse<String> anonymous = update(updateUrl, insert, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                "a browser or curl is asked for a password");
        assertEquals(401, update(updateUrl, insert, basic("editor", "wrong")).statusCode());
        assertEquals(Set.of(), column(query("SELECT ?o { ?s <urn:x:p> ?o }"), "o"));

        int status = update(updateUrl, insert, basic("editor", "s3cret")).statusCode();
        assertTrue(status == 200 || status == 204, "authorized update answered " + status);
        assertEquals(Set.of("written"), column(query("SELECT ?o { ?s <urn:x:p> ?o }"), "o"));
    }

    @Test
    void withCredentialsGraphStoreWritesNeedBasicAuth() throws Exception {
        start(MedkgServer.builder().credentials("editor", "s3cret"));
        String graphUrl = server.graphStoreWriteUrl().orElseThrow() + "?graph=urn:x:g";
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(graphUrl))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"put\" ."));
        assertEquals(401, http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        int status = http.send(put.header("Authorization", basic("editor", "s3cret")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 200 || status == 201 || status == 204, "authorized PUT answered " + status);
        assertEquals(Set.of("put"), column(query("SELECT ?o { ?s <urn:x:p> ?o }"), "o"));
    }

    @Test
    void adminApiAndUiAreNotServed() throws Exception {
        start(MedkgServer.builder().credentials("editor", "s3cret"));
        String root = "http://127.0.0.1:" + server.port();
        for (String path : List.of("/$/datasets", "/$/server", "/$/stats", "/$/ping", "/index.html")) {
            assertEquals(404, get(root + path).statusCode(), path);
        }
        // The root is medkg's own home page (PagesModule), not Fuseki's UI.
        assertTrue(get(root + "/").body().contains("id=\"search-box\""));
        HttpResponse<String> addDataset = http.send(HttpRequest.newBuilder(URI.create(root + "/$/datasets?dbName=x&dbType=mem"))
                .header("Authorization", basic("editor", "s3cret"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, addDataset.statusCode());
    }

    @Test
    void listensOnLoopbackByDefault() {
        start(MedkgServer.builder());
        assertTrue(server.sparqlUrl().startsWith("http://127.0.0.1:" + server.port() + "/medkg/"), server.sparqlUrl());
    }

    @Test
    void slowQueryIsCancelledAndTheServerGoesOnAnswering() throws Exception {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            Node graph = NodeFactory.createURI("urn:x:many");
            for (int i = 0; i < 3000; i++) {
                dsg.add(graph, NodeFactory.createURI("urn:x:s" + i), RDFS.label.asNode(),
                        NodeFactory.createLiteralString("label " + i));
            }
        });
        start(MedkgServer.builder().queryTimeout(Duration.ofMillis(500)));
        // 3000 cubed rows: hours of work unless the time limit stops it.
        long began = System.nanoTime();
        HttpResponse<String> slow = query("SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }");
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(slow.statusCode() >= 500, "slow query answered " + slow.statusCode() + ": " + slow.body());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "cancelled, not run to the end: " + took);

        // SPARQL protocol clients may ask for a longer limit with ?timeout=SECONDS; the server's limit holds.
        HttpResponse<String> longer = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?timeout=3600"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("timeout=3600&query=" + URLEncoder.encode(
                                "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(longer.statusCode() >= 500, "query asking for an hour answered " + longer.statusCode());

        HttpResponse<String> next = query(UNION_LABELS_QUERY);
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(Set.of(EHA_TUTORIAL, NEPHROLOGY_CONGRESS), column(next, "label"));
    }
}
