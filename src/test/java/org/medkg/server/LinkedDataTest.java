package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.publish.Format;
import org.medkg.query.QueryRunner;
import org.medkg.query.SavedQueries;
import org.medkg.rdf.MKG;
import org.medkg.store.TdbGraphStore;

/**
 * The linked-data side of a real server over a real TDB2 store loaded with the seeds (and a few hemcenter
 * articles when ../shared is there), spoken to over HTTP as a linked-data client would: no redirect is followed
 * automatically, so every 303 is seen.
 */
class LinkedDataTest {
    /** How many hemcenter articles (each in three languages) join the seeds: enough for cross-language links. */
    private static final int HEMCENTER_ARTICLES = 3;
    // From data/001_d9529d5f736d3bf0.txt: «Медицинский директор Центра — Антон Анатольевич Клодзинский — отметил…»
    private static final String KLODZINSKY = "Клодзинский Антон Анатольевич";
    private static final String KLODZINSKY_SENTENCE = "Медицинский директор Центра — Антон Анатольевич Клодзинский";

    @TempDir
    static Path storeDir;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static ServedDocuments served;
    private static TdbGraphStore store;
    private static MedkgServer server;
    private static String base;
    private static List<ConvertedDocument> documents;

    @BeforeAll
    static void loadAndServe() throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("data")));
        if (Files.isDirectory(ServedDocuments.HEMCENTER)) {
            try (Stream<Path> articles = Files.list(ServedDocuments.HEMCENTER)) {
                articles.sorted().limit(HEMCENTER_ARTICLES).forEach(inputs::add);
            }
        }
        served = ServedDocuments.serve(inputs, storeDir, builder -> builder);
        store = served.store();
        server = served.server();
        base = served.base();
        documents = served.documents();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("/") ? base + url.substring(1) : url));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static Graph parse(HttpResponse<byte[]> response, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(response.body())).lang(lang).base(response.uri().toString())
                .parse(graph);
        return graph;
    }

    /** The IRI of a person the saved query "most-connected-experts" ranks, asked of the server's SPARQL endpoint. */
    private static Map.Entry<String, String> personFromSavedQuery() throws Exception {
        ResultSetRewindable rows = QueryRunner.remote(server.sparqlUrl())
                .select(SavedQueries.find(Optional.empty(), "most-connected-experts"), Map.of());
        assertTrue(rows.hasNext(), "the saved query finds people");
        QuerySolution first = rows.next();
        return Map.entry(first.getResource("person").getURI(), first.getLiteral("personLabel").getLexicalForm());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TURTLE", "JSONLD", "RDFXML", "NTRIPLES"})
    void anIriFromASavedQueryDereferencesToItsDescriptionInEachFormat(Format format) throws Exception {
        Map.Entry<String, String> person = personFromSavedQuery();
        String iri = person.getKey();
        assertTrue(iri.startsWith(base + "id/person/"), iri);

        HttpResponse<byte[]> redirect = get(iri, format.mediaType());
        assertEquals(303, redirect.statusCode());
        assertEquals("Accept", header(redirect, "Vary"));
        String location = header(redirect, "Location");
        assertEquals("/data/" + iri.substring(base.length()) + "." + format.extension(), location);

        HttpResponse<byte[]> document = get(location, null);
        assertEquals(200, document.statusCode());
        assertTrue(header(document, "Content-Type").startsWith(format.mediaType()), header(document, "Content-Type"));
        assertEquals(location, header(document, "Content-Location"));
        assertTrue(header(document, "Link").contains("<" + iri + ">; rel=\"describes\""), header(document, "Link"));

        Graph description = parse(document, format.lang().orElseThrow());
        Node thing = NodeFactory.createURI(iri);
        assertTrue(description.find(thing, RDFS.label.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLexicalForm().equals(person.getValue())),
                "the description names " + person.getValue());
        assertTrue(description.find(Node.ANY, Node.ANY, thing).toList().stream()
                .anyMatch(t -> !t.getPredicate().equals(MKG.mentions)), "something else links to it, e.g. an event");
        List<Node> documentsMentioning = description.find(Node.ANY, MKG.mentions, thing)
                .mapWith(t -> t.getSubject()).toList();
        assertFalse(documentsMentioning.isEmpty(), "the documents that mention it are there");
        documentsMentioning.forEach(doc -> assertTrue(description.contains(doc, DCTerms.title.asNode(), Node.ANY),
                "the title of " + doc));
    }

    @Test
    void aFactCanBeCheckedAgainstTheSentenceItCameFrom() throws Exception {
        Node klodzinsky = iriLabelled(KLODZINSKY);
        HttpResponse<byte[]> document = get(get(klodzinsky.getURI(), "text/turtle").headers()
                .firstValue("Location").orElseThrow(), null);
        Graph description = parse(document, Lang.TURTLE);
        List<Node> evidence = description.find(Node.ANY, MKG.subject, klodzinsky).mapWith(t -> t.getSubject()).toList();
        assertTrue(evidence.stream().anyMatch(e -> description.find(e, MKG.quote, Node.ANY).toList().stream()
                        .anyMatch(q -> q.getObject().getLiteralLexicalForm().contains(KLODZINSKY_SENTENCE))
                        && description.contains(e, MKG.inDocument, Node.ANY)),
                "an evidence node quotes the sentence and names its document");
    }

    private static Node iriLabelled(String label) {
        DatasetGraph dataset = store.dataset().asDatasetGraph();
        return Txn.calculateRead(dataset, () -> dataset.stream(Node.ANY, Node.ANY, RDFS.label.asNode(), Node.ANY)
                .filter(q -> q.getObject().getLiteralLexicalForm().equals(label))
                .map(q -> q.getSubject()).findFirst().orElseThrow(() -> new AssertionError("no " + label)));
    }

    @Test
    void aBrowserIsSentToThePageAndQValuesDecide() throws Exception {
        String iri = personFromSavedQuery().getKey();
        String path = iri.substring(base.length() - 1);
        assertEquals("/page" + path, header(get(iri,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), "Location"));
        assertEquals("/data" + path + ".nt", header(get(iri,
                "text/turtle;q=0.5, application/n-triples"), "Location"));
        assertEquals("/data" + path + ".ttl", header(get(iri, "*/*"), "Location"));
        assertEquals("/data" + path + ".ttl", header(get(iri, null), "Location"));
        assertEquals("/data" + path + ".rdf", header(get(iri, "text/html;q=0, application/rdf+xml;q=0.9, */*;q=0.1"), "Location"));
        assertEquals("/data" + path + ".jsonld", header(get(iri, "text/html;q=0, application/*"), "Location"));
    }

    @Test
    void formatParameterOverridesAccept() throws Exception {
        String iri = personFromSavedQuery().getKey();
        HttpResponse<byte[]> response = get(iri + "?format=jsonld", "text/html");
        assertEquals(303, response.statusCode());
        assertTrue(header(response, "Location").endsWith(".jsonld"));
        assertEquals("/page" + iri.substring(base.length() - 1), header(get(iri + "?format=html", "text/turtle"), "Location"));
    }

    @Test
    void anUnknownFormatIsABadRequestNamingTheAcceptedOnes() throws Exception {
        HttpResponse<byte[]> response = get(personFromSavedQuery().getKey() + "?format=xml", null);
        assertEquals(400, response.statusCode());
        String message = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(message.contains("xml") && message.contains("ttl, jsonld, rdf, nt, html"), message);
    }

    @Test
    void anUnknownIriIsNotFoundAndNamed() throws Exception {
        String unknown = base + "id/person/nobody-at-all";
        HttpResponse<byte[]> response = get(unknown, "text/turtle");
        assertEquals(404, response.statusCode());
        assertTrue(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).contains(unknown));
        assertEquals(404, get("/data/id/person/nobody-at-all.ttl", null).statusCode());
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        String iri = personFromSavedQuery().getKey();
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(iri)).header("Accept", "text/turtle")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith(".ttl"));
    }

    @Test
    void aDocumentIriDescribesTheDocumentAndItsEvidence() throws Exception {
        ConvertedDocument seed = documents.stream()
                .filter(d -> d.source().sourceFile().contains("001_d9529d5f736d3bf0")).findFirst().orElseThrow();
        HttpResponse<byte[]> redirect = get(seed.graphIri(), "application/n-triples");
        assertEquals(303, redirect.statusCode());
        Graph description = parse(get(header(redirect, "Location"), null), Lang.NTRIPLES);
        Node doc = NodeFactory.createURI(seed.graphIri());
        assertTrue(description.contains(doc, RDF.type.asNode(), MKG.Document));
        assertTrue(description.contains(doc, DCTerms.title.asNode(), Node.ANY));
        assertTrue(description.contains(Node.ANY, MKG.inDocument, doc), "its evidence, whose hash IRIs lead here");
    }

    @Test
    void theOntologyIsServedAsTurtleAndItsPageForBrowsers() throws Exception {
        HttpResponse<byte[]> turtle = get("/ontology", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(header(turtle, "Content-Type").startsWith("text/turtle"));
        Graph ontology = parse(turtle, Lang.TURTLE);
        assertTrue(ontology.contains(MKG.Person, RDFS.label.asNode(), Node.ANY));
        assertEquals(200, get("/ontology.ttl", null).statusCode());
        Graph fromRdfXml = parse(get("/ontology?format=rdf", null), Lang.RDFXML);
        assertEquals(ontology.size(), fromRdfXml.size());
        assertEquals("/page/ontology", header(get("/ontology", "text/html"), "Location"));
    }

    @Test
    void theContextIsPublishedAsJsonLd() throws Exception {
        HttpResponse<byte[]> context = get("/context.jsonld", null);
        assertEquals(200, context.statusCode());
        assertTrue(header(context, "Content-Type").startsWith("application/ld+json"));
        String json = new String(context.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"mkg\"") && json.contains("\"affiliation\""), json);
        String description = new String(get(header(get(personFromSavedQuery().getKey(), "application/ld+json"),
                "Location"), null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(description.contains("\"@context\": \"" + base + "context.jsonld\""), description);
    }

    @Test
    void voidCountsTheTriplesOfTheStore() throws Exception {
        HttpResponse<byte[]> response = get("/.well-known/void", null);
        assertEquals(200, response.statusCode());
        Graph voidGraph = parse(response, Lang.TURTLE);
        Node dataset = voidGraph.find(Node.ANY, RDF.type.asNode(), VOID.Dataset.asNode()).next().getSubject();
        long triples = ((Number) voidGraph.find(dataset, VOID.triples.asNode(), Node.ANY).next().getObject()
                .getLiteralValue()).longValue();
        long counted;
        try (QueryExecution count = QueryExecution.dataset(store.dataset())
                .query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").set(TDB2.symUnionDefaultGraph, true).build()) {
            counted = Txn.calculateRead(store.dataset(), () -> count.execSelect().next().getLiteral("n").getLong());
        }
        assertEquals(counted, triples);
        assertTrue(voidGraph.contains(dataset, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + "medkg/sparql")));
        assertTrue(voidGraph.contains(dataset, VOID.dataDump.asNode(), NodeFactory.createURI(base + "dump/medkg.nq.gz")));
        assertTrue(voidGraph.contains(Node.ANY, VOID._class.asNode(), MKG.Person), "a class partition for people");
        assertEquals(200, get("/.well-known/void?format=jsonld", null).statusCode());
    }

    @Test
    void theDumpHoldsOneGraphPerLoadedDocument() throws Exception {
        HttpResponse<byte[]> response = get("/dump/medkg.nq.gz", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/gzip", header(response, "Content-Type"));
        assertEquals("", header(response, "Content-Encoding"));
        DatasetGraph dump = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            RDFParser.source(in).lang(RDFLanguages.NQUADS).parse(dump);
        }
        Set<String> graphs = new TreeSet<>();
        dump.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        assertEquals(documents.stream().map(ConvertedDocument::graphIri).collect(Collectors.toCollection(TreeSet::new)),
                graphs);
    }
}
