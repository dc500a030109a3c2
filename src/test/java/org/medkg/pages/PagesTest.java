package org.medkg.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.medkg.publish.Descriptions;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.lang.Language;
import org.medkg.rdf.MKG;
import org.medkg.rdf.Prefixes;
import org.medkg.server.MedkgServer;
import org.medkg.server.ServedDocuments;
import org.medkg.publish.Site;
import org.medkg.store.NodeIdScans;
import org.medkg.store.TdbGraphStore;

/**
 * The pages as a reader gets them: a real Fuseki on a loopback port over a TDB2 store loaded with the seeds (and the
 * hemcenter articles when ../shared is there), fetched over HTTP and read with jsoup.
 */
class PagesTest {

    // As data/001_d9529d5f736d3bf0.txt writes them: the course, where it was held, and a participant.
    private static final String SEED_DOCUMENT = "data/001_d9529d5f736d3bf0.txt";
    private static final String COURSE = "Острый миелобластный лейкоз. От теории к практике";
    private static final String KLODZINSKY_RU = "Клодзинский Антон Анатольевич";
    private static final String KARAGANDA = "Караганда";
    // As ../shared/corpus/hemcenter/*/item.en.md writes the same person.
    private static final String KLODZINSKY_EN = "Klodzinsky Anton Anatolyevich";

    private static final String HOSTILE_TITLE = "<script>alert(1)</script> Школа <b>гематологов</b>";

    @TempDir
    static Path temp;

    private static ServedDocuments served;
    private static TdbGraphStore store;
    private static MedkgServer server;
    private static MedkgServer serverWithoutIndex;
    private static String hostileDocumentPage;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void loadAndServe() throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("data")));
        if (Files.isDirectory(ServedDocuments.HEMCENTER)) {
            inputs.add(ServedDocuments.HEMCENTER);
        }
        Path hostile = Files.createDirectories(temp.resolve("hostile")).resolve("item.ru.md");
        // Markup in the title and the text, and a sentence of the hemcenter article of 2022-08-05 naming real people.
        Files.writeString(hostile, """
                ---
                title: '%s'
                date: '05-08-2022 10:00'
                ---

                <script>alert(1)</script> Спикерами на встрече были генеральный директор ТОО «Центр гематологии» \
                Ирина Алексеевна Пивоварова и медицинский директор Центра Антон Анатольевич Клодзинский.
                """.formatted(HOSTILE_TITLE));
        inputs.add(hostile);
        served = ServedDocuments.serve(inputs, temp.resolve("tdb"), builder -> builder);
        store = served.store();
        server = served.server();

        String hostileIri = served.documents().stream().filter(d -> d.source().sourceFile().endsWith("item.ru.md")
                && d.source().sourceFile().contains("hostile")).findFirst().orElseThrow().graphIri();
        Site site = new Site(served.base(), store.dataset().asDatasetGraph(), Optional.empty(), MedkgServer.DEFAULT_QUERY_TIMEOUT);
        hostileDocumentPage = "/page" + site.requestPath(hostileIri).orElseThrow();
        // A store opened without TdbGraphStore has no name index.
        serverWithoutIndex = MedkgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (serverWithoutIndex != null) {
            serverWithoutIndex.stop();
        }
        if (served != null) {
            served.close();
        }
    }

    // ---- helpers

    private static HttpResponse<String> get(String base, String path, String acceptLanguage)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String site() {
        return "http://127.0.0.1:" + server.port();
    }

    private static Document page(String path) throws IOException, InterruptedException {
        return page(path, null);
    }

    private static Document page(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpResponse<String> response = get(site(), path, acceptLanguage);
        assertEquals(200, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(response.body(), site() + path);
    }

    private static List<QuerySolution> select(DatasetGraph dataset, String query) {
        String prefixed = Prefixes.STANDARD.getNsPrefixMap().entrySet().stream()
                .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">\n").collect(Collectors.joining()) + query;
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(prefixed)
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                List<QuerySolution> rows = new ArrayList<>();
                execution.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    private static List<QuerySolution> select(String query) {
        return select(store.dataset().asDatasetGraph(), query);
    }

    /** The page path of the one entity the store labels so, in any document. */
    private static String pageOf(String label) {
        List<String> iris = select("SELECT DISTINCT ?e { ?e rdfs:label ?l FILTER(str(?l) = \"" + label + "\") }")
                .stream().map(row -> row.getResource("e").getURI()).toList();
        assertEquals(1, iris.size(), "entities labelled " + label + ": " + iris);
        return "/page/" + iris.get(0).substring(served.base().length());
    }

    private static Element section(Document page, String id) {
        Element section = page.getElementById("section-" + id);
        assertNotNull(section, "section " + id + " on " + page.location());
        return section;
    }

    private static List<String> texts(Elements elements) {
        return elements.stream().map(Element::text).toList();
    }

    private static boolean hemcenter() {
        return Files.isDirectory(ServedDocuments.HEMCENTER);
    }

    // ---- entity pages

    @Test
    void personPageListsTheirEventWithTheDocumentThatSaysSo() throws Exception {
        Document person = page(pageOf(KLODZINSKY_RU) + "?lang=ru");
        Element course = section(person, "timeline").select(".event-row").stream()
                .filter(row -> row.select("a.entity-link").text().equals(COURSE)).findFirst()
                .orElseThrow(() -> new AssertionError("no event row for the course on " + person.location()));
        assertEquals(pageOf(COURSE) + "?lang=ru", course.selectFirst("a.entity-link").attr("href"));
        assertEquals("2024-05-22", course.selectFirst("time.fact-date").attr("datetime"));
        assertTrue(course.select("a.source-link").eachAttr("href").contains("/page/doc/" + SEED_DOCUMENT + "?lang=ru"),
                course.outerHtml());
    }

    @Test
    void personTimelineIsInDateOrder() throws Exception {
        List<String> dates = page(pageOf(KLODZINSKY_RU)).select("#section-timeline .event-row > time.fact-date")
                .eachAttr("datetime");
        assertFalse(dates.isEmpty());
        assertEquals(dates.stream().sorted().toList(), dates);
    }

    @Test
    void eventPageShowsDatesPlaceAndPeopleByRole() throws Exception {
        Document event = page(pageOf(COURSE) + "?lang=ru");
        assertEquals(COURSE, event.getElementById("entity-label").text());
        assertEquals(List.of("2024-05-22", "2024-05-24"), section(event, "dates").select("time.fact-date").eachAttr("datetime"));
        assertEquals(List.of(KARAGANDA), texts(section(event, "place").select("a.entity-link")));
        assertTrue(texts(section(event, "participants").select("a.entity-link")).contains(KLODZINSKY_RU));
        assertTrue(texts(section(event, "organizers").select("a.entity-link")).size() >= 1);
        // Each fact names its document and shows the sentence it was read from.
        Element place = section(event, "place").select(".source").stream()
                .filter(source -> source.selectFirst("a.source-link").attr("href")
                        .equals("/page/doc/" + SEED_DOCUMENT + "?lang=ru"))
                .findFirst().orElseThrow(() -> new AssertionError("the seed is not a source of the place"));
        assertFalse(place.select("q.evidence-quote").text().isBlank(), place.outerHtml());
        assertEquals(place.select("q.evidence-quote").eachText().get(0),
                place.selectFirst("a.source-link").attr("title").split(" … ")[0]);
    }

    @Test
    void speakersAreApartFromParticipants() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter");
        QuerySolution talk = select("""
                SELECT ?event ?person { ?event mkg:speaker ?person ; mkg:startDate ?d } ORDER BY ?event ?person LIMIT 1""")
                .get(0);
        String path = "/page/" + talk.getResource("event").getURI().substring(served.base().length());
        Document event = page(path);
        String speakerPage = "/page/" + talk.getResource("person").getURI().substring(served.base().length());
        assertTrue(section(event, "speakers").select("a.entity-link").eachAttr("href").contains(speakerPage));
    }

    @Test
    void cityPageShowsWhatHappenedThere() throws Exception {
        Document city = page(pageOf(KARAGANDA) + "?lang=ru");
        assertTrue(texts(section(city, "events-here").select(".event-row a.entity-link")).contains(COURSE));
        // the gazetteer's IRIs of the city elsewhere (GeoNames, Wikidata when it has one), as the documents state them
        String iri = served.base() + pageOf(KARAGANDA).substring("/page/".length());
        List<String> stated = select("SELECT DISTINCT ?o { <" + iri + "> owl:sameAs ?o } ORDER BY ?o").stream()
                .map(row -> row.getResource("o").getURI()).toList();
        assertFalse(stated.isEmpty());
        assertEquals(stated, city.select("a.same-as").eachAttr("href").stream().sorted().toList());
    }

    @Test
    void langParameterPicksTheLabelsLanguage() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter for the English label");
        String path = pageOf(KLODZINSKY_EN);
        Document russian = page(path + "?lang=ru");
        Document english = page(path + "?lang=en");
        assertEquals("ru", russian.selectFirst("html").attr("lang"));
        assertEquals(KLODZINSKY_RU, russian.getElementById("entity-label").text());
        assertEquals("en", english.selectFirst("html").attr("lang"));
        assertEquals(KLODZINSKY_EN, english.getElementById("entity-label").text());
        assertTrue(texts(english.select("#other-labels li")).contains(KLODZINSKY_RU));
    }

    @Test
    void acceptLanguagePicksThePageLanguageAndLangOverridesIt() throws Exception {
        Map<String, String> expected = Map.of("kk, ru;q=0.8", "kk", "ru-RU,ru;q=0.9,en;q=0.5", "ru",
                "en-US,en;q=0.9", "en", "de-DE", "en");
        for (Map.Entry<String, String> header : expected.entrySet()) {
            Document home = page("/", header.getKey());
            String code = header.getValue();
            assertEquals(code, home.selectFirst("html").attr("lang"), header.getKey());
            assertEquals(Templates.bundle(Language.fromCode(code)).getString("nav.home"),
                    home.getElementById("nav-home").text(), header.getKey());
        }
        assertEquals("en", page("/?lang=en", "ru").selectFirst("html").attr("lang"));
        assertEquals("en", page("/").selectFirst("html").attr("lang"));
    }

    @Test
    void everyPageHasALanguageSwitcherToItself() throws Exception {
        for (String path : List.of("/", pageOf(COURSE), "/page/doc/" + SEED_DOCUMENT, "/page/ontology", "/sparql",
                "/search?q=x")) {
            Document page = page(path);
            List<String> hrefs = page.select("#language-switcher a").eachAttr("href");
            String pathOnly = path.split("\\?")[0];
            assertEquals(List.of(pathOnly + "?lang=ru", pathOnly + "?lang=kk", pathOnly + "?lang=en"),
                    hrefs.stream().map(href -> href.replace("&q=x", "")).toList(), path);
            for (String lang : List.of("ru", "kk", "en")) {
                String html = get(site(), pathOnly + "?lang=" + lang + (path.contains("?") ? "&q=x" : ""), null).body();
                assertFalse(html.contains("??"), "a message missing on " + path + " in " + lang);
            }
        }
    }

    @Test
    void unknownEntityOrDocumentIsNotFound() throws Exception {
        for (String path : List.of("/page/id/person/nobody-at-all", "/page/doc/data/none.txt", "/page/elsewhere")) {
            HttpResponse<String> response = get(site(), path + "?lang=ru", null);
            assertEquals(404, response.statusCode(), path);
            Document page = Jsoup.parse(response.body());
            assertEquals(Templates.bundle(Language.RU).getString("notFound.title"), page.getElementById("not-found").text());
        }
    }

    // ---- hubs: entities named in many documents

    /** What one page of any entity may weigh: a hub's page must not grow with the documents that name it. */
    private static final int PAGE_BYTES = 256 * 1024;

    /** The entity the most documents mention (the hematology center, or Kazakhstan), with their count. */
    private static QuerySolution mostMentioned() {
        return select("""
                SELECT ?entity (COUNT(DISTINCT ?doc) AS ?documents) { GRAPH ?g { ?doc mkg:mentions ?entity } }
                GROUP BY ?entity ORDER BY DESC(?documents) ?entity LIMIT 1""").get(0);
    }

    @Test
    void aHubsDocumentsComeInPagesThatTogetherListEachOnce() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter");
        QuerySolution hub = mostMentioned();
        long documents = hub.getLiteral("documents").getLong();
        assumeTrue(documents > Views.ROWS_PER_PAGE, "the most mentioned entity is in only " + documents + " documents");
        String path = "/page/" + hub.getResource("entity").getURI().substring(served.base().length());

        List<String> listed = new ArrayList<>();
        String next = path + "?lang=en";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(site(), next, null);
            assertEquals(200, response.statusCode(), next);
            int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < PAGE_BYTES, next + " weighs " + bytes + " bytes");
            Document page = Jsoup.parse(response.body(), site() + next);
            List<String> shown = page.select("#mentioned-in a.document-link").eachAttr("href");
            assertTrue(shown.size() <= Views.ROWS_PER_PAGE, next + " lists " + shown.size() + " documents");
            page.select(".fact-row").forEach(row -> assertTrue(row.select("li.source").size() <= Views.SOURCES_PER_FACT,
                    row.outerHtml()));
            listed.addAll(shown);
            pages++;
            Element link = page.getElementById("next-page");
            next = link == null ? null : link.attr("href");
            if (next != null) {
                assertEquals(path + "?page=" + (pages + 1) + "&lang=en", next);
                assertEquals(Views.ROWS_PER_PAGE, shown.size(), "a page before the last is full");
                assertEquals("Showing " + ((pages - 1) * Views.ROWS_PER_PAGE + 1) + "–" + pages * Views.ROWS_PER_PAGE
                        + " of " + documents, page.selectFirst("#mentioned-in .section-window .shown").text());
            }
        }
        assertEquals(documents, listed.size(), "every document once over " + pages + " pages");
        assertEquals(listed.size(), listed.stream().distinct().count(), "no document on two pages");
        // in the order of the documents' IRIs, so that each page reads the titles of its own documents only
        List<String> iris = listed.stream().map(href -> URLDecoder.decode(href, StandardCharsets.UTF_8)).toList();
        assertEquals(iris.stream().sorted().toList(), iris);
        assertEquals((documents + Views.ROWS_PER_PAGE - 1) / Views.ROWS_PER_PAGE, pages);
        // the page after the last, and a page that is no number, are not there
        assertEquals(404, get(site(), path + "?page=" + (pages + 1), null).statusCode());
        assertEquals(404, get(site(), path + "?page=zero", null).statusCode());
        assertEquals(404, get(site(), path + "?page=0", null).statusCode());
    }

    @Test
    void switchingTheLanguageOfAHubsPageKeepsItsRows() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter");
        QuerySolution hub = mostMentioned();
        String path = "/page/" + hub.getResource("entity").getURI().substring(served.base().length());
        // rows are ordered by keys, not by labels: the same rows in the same order in every language, so that the
        // next page continues this one whatever language either is read in
        List<List<String>> byLanguage = new ArrayList<>();
        for (String lang : List.of("en", "ru", "kk")) {
            byLanguage.add(page(path + "?lang=" + lang).select(".fact-row a.entity-link, .document-link").stream()
                    .map(link -> link.attr("href").replaceFirst("\\?.*", "")).toList());
        }
        assertFalse(byLanguage.get(0).isEmpty(), path);
        assertEquals(byLanguage.get(0), byLanguage.get(1));
        assertEquals(byLanguage.get(0), byLanguage.get(2));
    }

    @Test
    void aHubsLinkedDataDescriptionComesInPagesThatTogetherHoldEveryLinkOnce() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter");
        // the entity the most triples point at, each counted once however many documents state it
        QuerySolution hub = select("""
                SELECT ?entity (COUNT(*) AS ?links) {
                  SELECT DISTINCT ?s ?p ?entity { ?s ?p ?entity FILTER(STRSTARTS(STR(?entity), "%sid/")) } }
                GROUP BY ?entity ORDER BY DESC(?links) ?entity LIMIT 1""".formatted(served.base())).get(0);
        Node entity = hub.getResource("entity").asNode();
        // its own links to other nodes come in the same pages, before those pointing at it
        long linksOut = select("SELECT (COUNT(*) AS ?links) { SELECT DISTINCT ?p ?o { <" + entity.getURI()
                + "> ?p ?o FILTER(!isLiteral(?o) && ?p != rdf:type) } }").get(0).getLiteral("links").getLong();
        long links = hub.getLiteral("links").getLong() + linksOut;
        assumeTrue(links > Descriptions.LINKS_PER_PAGE, "the most linked entity has only " + links + " links");
        String path = "/data/" + entity.getURI().substring(served.base().length()) + ".nt";

        Set<Triple> pointing = new HashSet<>();
        String next = path;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(site(), next, null);
            assertEquals(200, response.statusCode(), next);
            assertTrue(response.body().getBytes(StandardCharsets.UTF_8).length < PAGE_BYTES, next);
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.fromString(response.body(), Lang.NTRIPLES).parse(graph);
            List<Triple> here = Stream.concat(graph.find(Node.ANY, Node.ANY, entity).toList().stream()
                            .filter(triple -> !triple.getPredicate().getURI().equals(FOAF.primaryTopic.getURI())),
                    graph.find(entity, Node.ANY, Node.ANY).toList().stream()
                            .filter(triple -> !triple.getObject().isLiteral()
                                    && !triple.getPredicate().equals(RDF.type.asNode()))).toList();
            assertTrue(here.size() <= Descriptions.LINKS_PER_PAGE, next + " holds " + here.size());
            here.forEach(triple -> assertTrue(pointing.add(triple), triple + " on two pages"));
            assertTrue(graph.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/hydra/core#totalItems"),
                    NodeFactory.createLiteralDT(Long.toString(links), XSDDatatype.XSDinteger)), next);
            // the entity's own triples are on every page
            assertTrue(graph.contains(entity, RDF.type.asNode(), Node.ANY), next);
            pages++;
            String linkHeader = response.headers().firstValue("Link").orElse("");
            java.util.regex.Matcher nextLink = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(linkHeader);
            next = nextLink.find() ? nextLink.group(1) : null;
            if (next != null) {
                assertEquals(Descriptions.LINKS_PER_PAGE, here.size(), "a page before the last is full");
            }
        }
        assertEquals(links, pointing.size(), "every link once over " + pages + " pages");
        assertEquals(404, get(site(), path + "?page=" + (pages + 1), null).statusCode());
        assertEquals(404, get(site(), path + "?page=none", null).statusCode());
    }

    @Test
    void aFactStatedByManyDocumentsNamesAFewAndCountsTheRest() throws Exception {
        assumeTrue(hemcenter(), "needs ../shared/corpus/hemcenter");
        QuerySolution fact = select("""
                SELECT ?person ?organization (COUNT(DISTINCT ?g) AS ?documents)
                { GRAPH ?g { ?person mkg:affiliation ?organization } }
                GROUP BY ?person ?organization ORDER BY DESC(?documents) ?person LIMIT 1""").get(0);
        long documents = fact.getLiteral("documents").getLong();
        assumeTrue(documents > Views.SOURCES_PER_FACT, "no affiliation is stated by more than "
                + Views.SOURCES_PER_FACT + " documents");
        Document person = page("/page/" + fact.getResource("person").getURI().substring(served.base().length())
                + "?lang=en");
        String organization = "/page/" + fact.getResource("organization").getURI().substring(served.base().length())
                + "?lang=en";
        Element row = section(person, "affiliations").select(".fact-row").stream()
                .filter(r -> r.select("a.entity-link").attr("href").equals(organization)).findFirst().orElseThrow();
        assertEquals(Views.SOURCES_PER_FACT, row.select("li.source").size());
        assertEquals("and " + (documents - Views.SOURCES_PER_FACT) + " more documents",
                row.selectFirst("li.more-sources").text());
        // the ones named are the first by IRI, so that the titles of the others are never read
        List<String> first = select("SELECT DISTINCT ?g { GRAPH ?g { <" + fact.getResource("person").getURI()
                + "> mkg:affiliation <" + fact.getResource("organization").getURI() + "> } } ORDER BY STR(?g) LIMIT "
                + Views.SOURCES_PER_FACT).stream()
                .map(g -> "/page/" + g.getResource("g").getURI().substring(served.base().length())).sorted().toList();
        assertEquals(first, row.select("li.source a.source-link").eachAttr("href").stream()
                .map(href -> URLDecoder.decode(href, StandardCharsets.UTF_8).replaceFirst("\\?.*", "")).sorted()
                .toList());
    }

    @Test
    void aSmallEntitysPageIsOnePageWithoutAPager() throws Exception {
        Document course = page(pageOf(COURSE) + "?lang=ru");
        assertTrue(course.select(".pager, .section-window, li.more-sources").isEmpty(), course.location());
        assertEquals(404, get(site(), pageOf(COURSE) + "?page=2", null).statusCode());
    }

    // ---- document, home, ontology

    @Test
    void documentPageShowsItsMetadataMentionsAndSentences() throws Exception {
        Document document = page("/page/doc/" + SEED_DOCUMENT + "?lang=ru");
        String iri = "<" + served.base() + "doc/" + SEED_DOCUMENT + ">";
        QuerySolution stored = select("SELECT ?title ?published { GRAPH " + iri + " { " + iri
                + " dcterms:title ?title ; mkg:published ?published } }").get(0);
        assertEquals(stored.getLiteral("title").getString(), document.getElementById("document-title").text());
        assertEquals(stored.getLiteral("published").getLexicalForm(),
                document.getElementById("document-published").attr("datetime"));
        assertEquals(SEED_DOCUMENT, document.getElementById("document-source").text());
        assertTrue(texts(document.select("#mentions-events a.entity-link")).contains(COURSE));
        assertTrue(texts(document.select("#mentions-persons a.entity-link")).contains(KLODZINSKY_RU));
        assertFalse(document.select("#evidence .evidence-row q.evidence-quote").isEmpty());
    }

    /**
     * Pages and descriptions of the TDB2 store are read by node id ({@link org.medkg.store.NodeIdScans}); the same
     * graphs in a store read node by node (here in memory, as a remote store is read) must give the same ones: the
     * entities most documents mention (the hubs), each page of them, in two languages, and the home page.
     */
    @Test
    void pagesAndDescriptionsReadByNodeIdAreThoseReadNodeByNode() {
        DatasetGraph stored = store.dataset().asDatasetGraph();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(stored, () -> Txn.executeWrite(copy, () -> stored.find().forEachRemaining(copy::add)));
        List<String> hubs = select("SELECT ?e (COUNT(DISTINCT ?d) AS ?n) { ?d mkg:mentions ?e } GROUP BY ?e "
                + "ORDER BY DESC(?n) ?e LIMIT 8").stream().map(row -> row.getResource("e").getURI()).toList();
        assertEquals(8, hubs.size());
        String document = served.documents().get(0).graphIri();
        for (String code : List.of("en", "ru")) {
            PageLanguage language = PageLanguage.of(code, null);
            Views byNodeId = new Views(new Site(served.base(), stored, Optional.empty(), MedkgServer.DEFAULT_QUERY_TIMEOUT), language);
            Views byNode = new Views(new Site(served.base(), copy, Optional.empty(), MedkgServer.DEFAULT_QUERY_TIMEOUT), language);
            assertEquals(byNode.home(), byNodeId.home(), "home, " + code);
            assertEquals(byNode.document(document), byNodeId.document(document), document);
            for (String hub : hubs) {
                for (int page = 1; page <= 3; page++) {
                    assertEquals(byNode.entity(hub, page), byNodeId.entity(hub, page), hub + " page " + page + ", " + code);
                }
            }
        }
        for (String hub : hubs) {
            for (int page = 1; page <= 3; page++) {
                Optional<Descriptions.Page> byNodeId = Descriptions.describe(stored, NodeFactory.createURI(hub), page);
                Optional<Descriptions.Page> byNode = Descriptions.describe(copy, NodeFactory.createURI(hub), page);
                assertEquals(byNode.isPresent(), byNodeId.isPresent(), hub + " description page " + page);
                if (byNode.isPresent()) {
                    assertEquals(byNode.get().links(), byNodeId.get().links());
                    assertEquals(byNode.get().more(), byNodeId.get().more());
                    assertTrue(byNode.get().graph().isIsomorphicWith(byNodeId.get().graph()),
                            hub + " description page " + page);
                }
            }
        }
        assertTrue(NodeIdScans.of(stored).isPresent(), "the store is read by node id");
        assertFalse(NodeIdScans.of(copy).isPresent());
    }

    @Test
    void homeCountsMatchTheStore() throws Exception {
        Document home = page("/");
        for (Kind kind : Kind.values()) {
            if (kind == Kind.OTHER) {
                continue;
            }
            String types = kind.classes().stream().map(type -> "<" + type.getURI() + ">").collect(Collectors.joining(" "));
            long stored = select("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a ?type VALUES ?type { " + types + " } }")
                    .get(0).getLiteral("n").getLong();
            assertEquals(String.valueOf(stored), home.selectFirst("#count-" + kind.key() + " .count-value").text(),
                    kind.key());
        }
        List<String> latest = home.select("#latest-events .event-row > time.fact-date").eachAttr("datetime");
        assertFalse(latest.isEmpty());
        assertEquals(latest.stream().sorted(java.util.Comparator.reverseOrder()).toList(), latest);
        // the events whose earliest start date is the latest, ties by IRI: what a query over the store says
        String events = Kind.EVENT.classes().stream().map(type -> "<" + type.getURI() + ">")
                .collect(Collectors.joining(" "));
        List<String> expected = select("SELECT ?event (MIN(?start) AS ?first) { ?event a ?type ; mkg:startDate ?start "
                + "VALUES ?type { " + events + " } FILTER(isLiteral(?start)) } GROUP BY ?event "
                + "ORDER BY DESC(STR(?first)) STR(?event) LIMIT " + latest.size()).stream()
                .map(row -> row.getResource("event").getURI().replaceFirst("^.*/id/", "/id/")).toList();
        assertEquals(expected, home.select("#latest-events .event-row > a.entity-link").eachAttr("href").stream()
                .map(href -> href.replaceFirst("^.*/id/", "/id/")).toList());
        assertNotNull(home.selectFirst("form#search-form[action=/search] input#search-box[name=q]"));
        for (String link : List.of("/sparql", "/api/queries", "/dump/medkg.nq.gz", "/.well-known/void")) {
            assertFalse(home.select("#data-links a[href=" + link + "]").isEmpty(), link);
        }
    }

    @Test
    void ontologyPageShowsTermsInThePageLanguage() throws Exception {
        Document russian = page("/page/ontology?lang=ru");
        Document english = page("/page/ontology?lang=en");
        Node startDate = MKG.startDate;
        assertEquals(OntologyTerms.get().label(startDate, Language.RU),
                russian.selectFirst("#startDate .term-label").text());
        assertEquals(OntologyTerms.get().label(startDate, Language.EN),
                english.selectFirst("#startDate .term-label").text());
        assertFalse(russian.selectFirst("#startDate .term-comment").text().isBlank());
        assertNotNull(english.selectFirst("#Course a[href=#Event]"));
    }

    // ---- SPARQL editor and search

    @Test
    void editorHasThePrefixesAndItsAssetsAreServed() throws Exception {
        Document editor = page("/sparql");
        String query = editor.getElementById("sparql-query").wholeText();
        Prefixes.STANDARD.getNsPrefixMap().forEach((prefix, namespace) ->
                assertTrue(query.contains("PREFIX " + prefix + ": <" + namespace + ">"), prefix));
        assertEquals("/medkg/sparql", editor.getElementById("sparql-form").attr("data-endpoint"));
        List<String> assets = new ArrayList<>(editor.select("script[src]").eachAttr("src"));
        assets.addAll(editor.select("link[rel=stylesheet]").eachAttr("href"));
        assertTrue(assets.contains("/static/codemirror/lib/codemirror.js"), assets.toString());
        assertTrue(assets.contains("/static/codemirror/mode/sparql/sparql.js"), assets.toString());
        for (String asset : assets) {
            HttpResponse<String> response = get(site(), asset, null);
            assertEquals(200, response.statusCode(), asset);
            assertFalse(response.body().isEmpty(), asset);
        }
        assertEquals(404, get(site(), "/static/../org/medkg/pages/home.html", null).statusCode());
        assertEquals(404, get(site(), "/static/home.html", null).statusCode());
    }

    @Test
    void withoutAnIndexTheSearchPageSaysSearchIsUnavailable() throws Exception {
        String base = "http://127.0.0.1:" + serverWithoutIndex.port();
        Document search = Jsoup.parse(get(base, "/search?q=" + URLEncoder.encode("Клодзинский", StandardCharsets.UTF_8),
                null).body());
        assertNotNull(search.getElementById("search-unavailable"));
        assertEquals("Клодзинский", search.getElementById("search-box").val());
    }

    @Test
    void searchHitsShowTheLabelInThePageLanguageAndLinkToThePage() throws Exception {
        String base = site();
        HttpResponse<String> response = get(base, "/search?q=" + URLEncoder.encode("Клодзинского", StandardCharsets.UTF_8)
                + "&lang=ru", null);
        assertEquals(200, response.statusCode());
        Document search = Jsoup.parse(response.body());
        Elements hits = search.select(".search-hit a");
        assertTrue(texts(hits).contains(KLODZINSKY_RU), texts(hits).toString());
        Element hit = hits.stream().filter(a -> a.text().equals(KLODZINSKY_RU)).findFirst().orElseThrow();
        assertEquals(pageOf(KLODZINSKY_RU) + "?lang=ru", hit.attr("href"));
        assertFalse(hit.parent().selectFirst(".hit-type").text().isBlank());
        assertEquals(200, get(base, hit.attr("href"), null).statusCode());
    }

    // ---- escaping

    @Test
    void markupInADocumentIsShownAsTextEverywhere() throws Exception {
        HttpResponse<String> documentPage = get(site(), hostileDocumentPage, null);
        assertEquals(200, documentPage.statusCode());
        assertSafe(documentPage.body());
        assertEquals(HOSTILE_TITLE, Jsoup.parse(documentPage.body()).getElementById("document-title").text());

        // The person's page names the document among the sources of what it said.
        HttpResponse<String> personPage = get(site(), pageOf(KLODZINSKY_RU), null);
        assertTrue(Jsoup.parse(personPage.body()).select("a.source-link, a.document-link").eachText()
                .contains(HOSTILE_TITLE), "the hostile document is not named on the person's page");
        assertSafe(personPage.body());
    }

    private static void assertSafe(String html) {
        assertFalse(html.contains("<script>alert"), "raw script from a document");
        assertFalse(html.contains("<b>гематологов"), "raw markup from a document");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is not shown escaped");
        assertTrue(Jsoup.parse(html).select("script").stream().allMatch(script -> script.hasAttr("src")));
    }

    @Test
    void messageBundlesHaveTheSameKeys() {
        ResourceBundle english = Templates.bundle(Language.EN);
        for (Language language : List.of(Language.RU, Language.KK)) {
            assertEquals(english.keySet(), Templates.bundle(language).keySet(), language.code());
            assertEquals(language.code(), Templates.bundle(language).getLocale().getLanguage());
        }
    }
}
