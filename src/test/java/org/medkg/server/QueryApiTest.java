package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.query.BadParameterException;
import org.medkg.query.BadQueryException;
import org.medkg.query.QueryParameter;
import org.medkg.query.QueryRunner;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.store.TdbGraphStore;

/**
 * The saved queries over real HTTP: a Fuseki on a free loopback port over a real TDB2 store holding the seeds
 * (data/) and, when ../shared is there, a few hemcenter articles, converted by the standard converter.
 */
class QueryApiTest {
    private static final Path QUERIES = Path.of("queries");
    /** A few hemcenter articles (three languages each), enough to give the queries people, events and cities. */
    private static final List<String> ARTICLES = List.of("2019-03-16-eha-tutorial", "2017-05-10-guest");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    private static ServedDocuments served;
    private static TdbGraphStore store;
    private static MedkgServer server;
    private static List<SavedQuery> saved;

    @BeforeAll
    static void serveSeedsAndArticles() throws BadQueryException, IOException {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("data")));
        ARTICLES.stream().map(ServedDocuments.HEMCENTER::resolve).filter(Files::isDirectory).forEach(inputs::add);
        served = ServedDocuments.serve(inputs, temp.resolve("store"), builder -> builder.queries(QUERIES));
        store = served.store();
        server = served.server();
        saved = SavedQueries.load(QUERIES, e -> {
            throw new AssertionError(e.getMessage(), e);
        });
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void listsEverySavedQueryWithItsParametersAndUrl() throws Exception {
        HttpResponse<String> response = get(server, "/api/queries", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode list = JSON.readTree(response.body());
        assertEquals(16, list.size(), "one entry per .rq file in queries/");
        Map<String, JsonNode> byName = new HashMap<>();
        list.forEach(entry -> byName.put(entry.get("name").asText(), entry));
        for (SavedQuery query : saved) {
            JsonNode entry = byName.get(query.name());
            assertTrue(entry != null, query.name() + " is listed");
            assertEquals(query.summary(), entry.get("title").asText());
            assertEquals(query.description(), entry.get("description").asText());
            assertEquals(query.tags(), texts(entry.get("tags")));
            assertEquals(query.parameters().stream().map(QueryParameter::name).toList(),
                    texts(entry.get("parameters"), "name"), query.name());
            assertEquals(query.parameters().stream().map(p -> p.type().label()).toList(),
                    texts(entry.get("parameters"), "type"), query.name());
            assertEquals(query.parameters().stream().map(p -> String.valueOf(p.required())).toList(),
                    texts(entry.get("parameters"), "required"), query.name());
            assertEquals("http://127.0.0.1:" + server.port() + "/api/queries/" + query.name(),
                    entry.get("url").asText());
        }
        JsonNode year = byName.get("events-by-year").get("parameters").get(1);
        assertEquals("year", year.get("name").asText());
        assertEquals("xsd:integer", year.get("type").asText());
        assertTrue(year.get("required").asBoolean());
        assertEquals("2024", year.get("example").asText());
    }

    @Test
    void typedParameterGivesTheRowsOfTheQueryRunner() throws Exception {
        // «…прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции «Аллергология и иммунология…»
        HttpResponse<String> response = get(server, "/api/queries/events-by-year?year=2024", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/sparql-results+json",
                response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        List<Map<String, String>> overHttp = rows(ResultSetMgr.read(stream(response), ResultSetLang.RS_JSON));
        List<Map<String, String>> direct = rows(runner().select(savedQuery("events-by-year"), Map.of("year", "2024")));
        assertFalse(direct.isEmpty(), "the seeds have events in 2024");
        assertEquals(direct, overHttp);
        assertTrue(overHttp.stream().anyMatch(row -> row.getOrDefault("eventLabel", "").contains("Аллергология и иммунология")),
                overHttp.toString());
        List<Map<String, String>> otherYear = rows(ResultSetMgr.read(stream(
                get(server, "/api/queries/events-by-year?year=1990", null)), ResultSetLang.RS_JSON));
        assertEquals(List.of(), otherYear, "the year is compared as a number, not ignored");
    }

    @Test
    void resultFormatByAcceptAndByFormatParameter() throws Exception {
        String path = "/api/queries/events-by-city?city=" + encode("Алматы");
        List<Map<String, String>> expected = rows(runner().select(savedQuery("events-by-city"), Map.of("city", "Алматы")));
        assertFalse(expected.isEmpty());
        Map<String, Lang> byMediaType = Map.of("application/sparql-results+json", ResultSetLang.RS_JSON,
                "text/csv", ResultSetLang.RS_CSV, "text/tab-separated-values", ResultSetLang.RS_TSV,
                "application/sparql-results+xml", ResultSetLang.RS_XML);
        Map<String, String> shortNames = Map.of("application/sparql-results+json", "json", "text/csv", "csv",
                "text/tab-separated-values", "tsv", "application/sparql-results+xml", "xml");
        for (Map.Entry<String, Lang> format : byMediaType.entrySet()) {
            String mediaType = format.getKey();
            HttpResponse<String> byAccept = get(server, path, mediaType);
            HttpResponse<String> byParameter = get(server, path + "&format=" + shortNames.get(mediaType), "text/html");
            for (HttpResponse<String> response : List.of(byAccept, byParameter)) {
                assertEquals(200, response.statusCode(), mediaType + ": " + response.body());
                assertEquals(mediaType, response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
                assertEquals(expected.size(), rows(ResultSetMgr.read(stream(response), format.getValue())).size(),
                        mediaType);
            }
        }
        String csv = get(server, path, "text/csv").body();
        assertTrue(csv.startsWith("event,eventLabel,"), csv);
        assertTrue(csv.contains("Аллергология и иммунология"), csv);
        String tsv = get(server, path, "text/tab-separated-values").body();
        assertTrue(tsv.startsWith("?event\t?eventLabel\t"), tsv);
        // a browser's Accept, with */* at a low q-value, gets the default
        assertEquals("application/sparql-results+json", get(server, path,
                "text/html,application/xhtml+xml,*/*;q=0.8").headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
    }

    @Test
    void postWithFormParametersAnswersAsGet() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url(server, "/api/queries/events-by-year"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("year=2024")).build();
        HttpResponse<String> post = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(get(server, "/api/queries/events-by-year?year=2024", "text/csv").body(), post.body());
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        assertProblem(get(server, "/api/queries/events-by-year?year=abc", null), 400, "year",
                "'abc' is not a valid xsd:integer");
        assertProblem(get(server, "/api/queries/events-by-year", null), 400, "year", "parameter 'year' is required");
        assertProblem(get(server, "/api/queries/events-by-year?year=2024&colour=red", null), 400, "colour",
                "no parameter 'colour'; it has: lang, year");
        assertProblem(get(server, "/api/queries/events-in-date-range?from=2024-13-45&to=2024-12-31", null), 400,
                "from", "'2024-13-45' is not a valid xsd:date");
        assertProblem(get(server, "/api/queries/events-by-type?type=Party", null), 400, "type",
                "'Party' is not one of Event, Conference");
        assertProblem(get(server, "/api/queries/events-by-year?year=2024&year=2025", null), 400, "year",
                "parameter 'year' is given 2 times");
        assertProblem(get(server, "/api/queries/events-by-year?year=2024&format=pdf", null), 400, "format",
                "'pdf' is not one of json|csv|tsv|xml");
    }

    @Test
    void pagesFollowTheirNextLinksThroughTheWholeAnswer() throws Exception {
        // a query cut in its page-by subquery, one cut whole, and one whose whole answer the server keeps
        for (String path : List.of("/api/queries/events-in-date-range?from=2000-01-01&to=2030-12-31",
                "/api/queries/documents-mentioning?entity=" + encode("Алматы"),
                "/api/queries/organizations-by-activity")) {
            String separator = path.contains("?") ? "&" : "?";
            HttpResponse<String> all = get(server, path + separator + "size=all&format=csv", null);
            assertEquals(200, all.statusCode(), all.body());
            assertTrue(all.headers().firstValue("Link").isEmpty(), "the whole answer has no next page");
            List<String> whole = all.body().lines().skip(1).toList();
            assertTrue(whole.size() > 4, path + " has rows enough to page: " + whole);
            assertEquals(all.body(), get(server, path + separator + "format=csv", null).body(),
                    "under 100 rows, the default page is the whole answer");

            List<String> followed = new ArrayList<>();
            String next = url(server, path + separator + "size=2&format=csv").toString();
            int pages = 0;
            while (next != null) {
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(next)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), page.body());
                List<String> rows = page.body().lines().skip(1).toList();
                assertEquals(whole.subList(followed.size(), Math.min(followed.size() + 2, whole.size())), rows,
                        next);
                followed.addAll(rows);
                pages++;
                next = page.headers().firstValue("Link").map(link -> {
                    assertTrue(link.endsWith(">; rel=\"next\""), link);
                    return link.substring(1, link.indexOf('>'));
                }).orElse(null);
                assertEquals(followed.size() < whole.size(), next != null, "a next link while rows remain: " + next);
            }
            assertEquals(whole, followed, path + ": the pages joined");
            assertEquals((whole.size() + 1) / 2, pages);
            assertEquals(whole.size(), new TreeSet<>(followed).size(), "no row twice");
        }
    }

    @Test
    void aNextLinkKeepsTheParametersAndTheFormat() throws Exception {
        HttpResponse<String> first = get(server, "/api/queries/events-in-date-range?from=2000-01-01&to=2030-12-31"
                + "&lang=en&size=1", "text/csv");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("<http://127.0.0.1:" + server.port() + "/api/queries/events-in-date-range?from=2000-01-01"
                        + "&lang=en&to=2030-12-31&page=2&size=1>; rel=\"next\"",
                first.headers().firstValue("Link").orElseThrow());
    }

    @Test
    void badPageParametersAreProblemsNamingTheParameter() throws Exception {
        String query = "/api/queries/events-by-year?year=2024&";
        assertProblem(get(server, query + "page=0", null), 400, "page", "'0' is not a whole number from 1 up");
        assertProblem(get(server, query + "page=two", null), 400, "page", "'two' is not a whole number");
        assertProblem(get(server, query + "size=1001", null), 400, "size",
                "'1001' is not a whole number from 1 to 1000 (or 'all' for every row)");
        assertProblem(get(server, query + "size=-5", null), 400, "size", "is not a whole number");
        assertProblem(get(server, query + "size=all&page=2", null), 400, "page",
                "the whole answer (size=all) has no page 2");
        assertProblem(get(server, "/api/queries/organizations-by-activity?page=0", null), 400, "page",
                "'0' is not a whole number from 1 up");
    }

    @Test
    void unknownQueryIsNotFoundAndUnknownMediaTypeNotAcceptable() throws Exception {
        assertProblem(get(server, "/api/queries/events-by-weather", null), 404, null,
                "no saved query 'events-by-weather'");
        assertProblem(get(server, "/api/queries/events-by-year?year=2024", "image/png"), 406, null,
                "Accept 'image/png' allows none of application/sparql-results+json, text/csv");
    }

    @Test
    void injectionInAValueStaysALiteral() throws Exception {
        long quadsBefore = quads();
        for (String attack : List.of("\"} ; DROP ALL #", "<x> }", "\") } UNION { ?person ?p ?o } #")) {
            HttpResponse<String> response = get(server, "/api/queries/expert-profile?name=" + encode(attack), null);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(List.of(), rows(ResultSetMgr.read(stream(response), ResultSetLang.RS_JSON)),
                    "no name contains " + attack);
            assertProblem(get(server, "/api/queries/events-by-year?year=" + encode(attack), null), 400, "year",
                    "is not a valid xsd:integer");
        }
        assertEquals(quadsBefore, quads(), "the store is unchanged");
        // the same query with a real name still answers
        assertFalse(rows(ResultSetMgr.read(stream(get(server, "/api/queries/expert-profile?name=" + encode("Нурпеисов"),
                null)), ResultSetLang.RS_JSON)).isEmpty());
    }

    @Test
    void everyExampleOfTheDescriptionRuns() throws Exception {
        for (SavedQuery query : saved) {
            String values = query.parameters().stream().filter(p -> p.example() != null)
                    .map(p -> p.name() + "=" + encode(p.example())).collect(Collectors.joining("&"));
            HttpResponse<String> response = get(server, "/api/queries/" + query.name() + "?" + values, null);
            assertEquals(200, response.statusCode(), query.name() + ": " + response.body());
        }
    }

    @Test
    void openApiDescribesEverySavedQueryAndTheFixedPaths() throws Exception {
        HttpResponse<String> response = get(server, "/api/openapi.json", null);
        assertEquals(200, response.statusCode());
        JsonNode api = JSON.readTree(response.body());
        assertTrue(api.get("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
        assertTrue(api.get("info").hasNonNull("title") && api.get("info").hasNonNull("version"));
        JsonNode paths = api.get("paths");
        for (String fixed : List.of("/api/queries", "/api/openapi.json", "/api/search", "/id/{path}",
                "/data/{path}.{ext}", "/.well-known/void", "/dump/medkg.nq.gz", "/medkg/sparql")) {
            assertTrue(paths.has(fixed), fixed);
        }
        for (SavedQuery query : saved) {
            JsonNode get = paths.get("/api/queries/" + query.name()).get("get");
            assertEquals(query.summary(), get.get("summary").asText());
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            get.get("parameters").forEach(p -> parameters.put(p.has("$ref") ? p.get("$ref").asText()
                    : p.get("name").asText(), p));
            Set<String> expected = query.parameters().stream().map(QueryParameter::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            expected.addAll(List.of("#/components/parameters/format", "#/components/parameters/page",
                    "#/components/parameters/size"));
            assertEquals(expected, new TreeSet<>(parameters.keySet()), query.name());
            for (QueryParameter parameter : query.parameters()) {
                JsonNode described = parameters.get(parameter.name());
                assertEquals("query", described.get("in").asText());
                assertEquals(parameter.required() && parameter.defaultValue() == null,
                        described.get("required").asBoolean(), query.name() + " " + parameter.name());
                assertTrue(described.get("schema").hasNonNull("type"));
                if (parameter.required()) {
                    assertTrue(described.hasNonNull("example"), query.name() + " " + parameter.name() + " has an example");
                }
            }
            assertEquals(Set.of("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                    "application/sparql-results+xml"), fieldNames(get.get("responses").get("200").get("content")));
            assertEquals(Set.of("200", "400", "404", "406", "503"), fieldNames(get.get("responses")));
            assertTrue(paths.get("/api/queries/" + query.name()).has("post"));
        }
        JsonNode year = paths.get("/api/queries/events-by-year").get("get").get("parameters").get(1);
        assertEquals("integer", year.get("schema").get("type").asText());
        assertTrue(year.get("example").isIntegralNumber(), "the example has the schema's JSON type: " + year);
        assertEquals(2024, year.get("example").asInt());
        JsonNode from = paths.get("/api/queries/events-in-date-range").get("get").get("parameters").get(0);
        assertEquals("date", from.get("schema").get("format").asText());
        assertEquals(List.of(), unresolvedReferences(api, api), "every $ref points into the document");
    }

    /** A server over the same store with a short time limit and a folder of made-up saved queries. */
    @Test
    @Timeout(60)
    void queryOverTheTimeLimitIsCancelledAndTheServerGoesOn() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("made-up-queries"));
        Files.writeString(folder.resolve("every-quadruple-of-triples.rq"), """
                #+ summary: Counts every combination of four triples, which takes far longer than any time limit
                SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }
                """);
        Files.writeString(folder.resolve("labels-of.rq"), """
                #+ summary: The labels of one IRI
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label WHERE { ?_entity_iri rdfs:label ?label }
                """);
        Files.writeString(folder.resolve("label-count.rq"), """
                #+ summary: How many labels the graph holds (a whole-graph query of a few milliseconds)
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT (COUNT(*) AS ?labels) WHERE { ?entity rdfs:label ?label }
                """);
        Files.writeString(folder.resolve("broken.rq"), """
                #+ summary: Not valid SPARQL
                SELECT ?x WHERE {
                """);
        MedkgServer limited = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                .queries(folder).queryTimeout(Duration.ofMillis(300)).build().start();
        try {
            HttpResponse<String> list = get(limited, "/api/queries", null);
            List<String> names = texts(JSON.readTree(list.body()), "name");
            assertTrue(names.containsAll(List.of("every-quadruple-of-triples", "labels-of", "label-count", "events-by-year")),
                    names.toString());
            assertFalse(names.contains("broken"), "the broken query is left out, the others are served: " + names);

            // a whole-graph query goes on apart from the request, up to twenty times its limit, then is given up
            HttpResponse<String> slow = get(limited, "/api/queries/every-quadruple-of-triples", null);
            assertProblem(slow, 503, null, "is still being computed");
            assertTrue(slow.headers().firstValue("Retry-After").isPresent());
            // a short whole-graph query is not held up behind the long one
            HttpResponse<String> quick = get(limited, "/api/queries/label-count", null);
            for (long deadline = System.nanoTime() + 3_000_000_000L; quick.statusCode() == 503
                    && System.nanoTime() < deadline; Thread.sleep(100)) {
                quick = get(limited, "/api/queries/label-count", null);
            }
            assertEquals(200, quick.statusCode(), quick.body());
            assertProblem(get(limited, "/api/queries/every-quadruple-of-triples", null), 503, null,
                    "is still being computed");
            HttpResponse<String> givenUp = slow;
            for (long deadline = System.nanoTime() + 30_000_000_000L;
                 !givenUp.body().contains("was not computed") && System.nanoTime() < deadline; Thread.sleep(200)) {
                givenUp = get(limited, "/api/queries/every-quadruple-of-triples", null);
            }
            assertProblem(givenUp, 503, null, "took longer than the limit of 6 s for answers computed apart");

            String event = anEventIri();
            HttpResponse<String> next = get(limited, "/api/queries/labels-of?entity=" + encode(event), null);
            assertEquals(200, next.statusCode(), next.body());
            assertFalse(rows(ResultSetMgr.read(stream(next), ResultSetLang.RS_JSON)).isEmpty());
            assertProblem(get(limited, "/api/queries/labels-of?entity=" + encode("<x> }"), null), 400, "entity",
                    "is not an absolute IRI");
            assertProblem(get(limited, "/api/queries/labels-of?entity=" + encode("not an iri"), null), 400, "entity",
                    "is not an absolute IRI");
        } finally {
            limited.stop();
        }
    }

    /**
     * A whole-graph answer that takes longer than a request may wait: the request is told to ask again, the answer is
     * computed once, apart from it, and a later request gets it, the same as the query run directly on the store.
     */
    @Test
    @Timeout(120)
    void aWholeGraphAnswerLongerThanARequestMayWaitIsComputedOnceApartAndGivenToALaterRequest() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("slow-queries"));
        Files.writeString(folder.resolve("pairs-of-triples.rq"), """
                #+ summary: Counts every pair of triples (over a million rows, a second or more of work)
                SELECT (COUNT(*) AS ?rows) WHERE { ?a ?b ?c . ?d ?e ?f }
                """);
        SavedQuery slow = SavedQueries.load(folder, e -> {
            throw new AssertionError(e.getMessage(), e);
        }).get(0);
        String direct = QueryRunner.local(store.dataset()).select(slow, Map.of()).next().getLiteral("rows").getLexicalForm();
        MedkgServer limited = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                .queries(folder).queryTimeout(Duration.ofMillis(100)).wholeGraphTimeout(Duration.ofSeconds(100))
                .build().start();
        try {
            long computedBefore = limited.wholeGraphComputations();
            HttpResponse<String> first = get(limited, "/api/queries/" + slow.name(), "text/csv");
            assertProblem(first, 503, null, "is still being computed");
            assertTrue(first.headers().firstValue("Retry-After").isPresent());

            HttpResponse<String> later = first;
            for (long deadline = System.nanoTime() + 100_000_000_000L;
                 later.statusCode() == 503 && System.nanoTime() < deadline; Thread.sleep(100)) {
                later = get(limited, "/api/queries/" + slow.name(), "text/csv");
            }
            assertEquals(200, later.statusCode(), later.body());
            assertEquals("rows", later.body().lines().findFirst().orElseThrow());
            assertEquals(direct, later.body().lines().skip(1).findFirst().orElseThrow()
                    .replaceAll("^\"|\"$", ""), later.body());
            assertEquals(later.body(), get(limited, "/api/queries/" + slow.name(), "text/csv").body());
            assertEquals(1, limited.wholeGraphComputations() - computedBefore,
                    "computed once, for every request that waited or asked again");
        } finally {
            limited.stop();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String parameter, String detail)
            throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("type") && problem.hasNonNull("title"), response.body());
        assertTrue(problem.get("detail").asText().contains(detail), problem.get("detail").asText());
        assertEquals(parameter, problem.hasNonNull("parameter") ? problem.get("parameter").asText() : null);
    }

    private static HttpResponse<String> get(MedkgServer on, String path, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(on, path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(MedkgServer on, String path) {
        return URI.create("http://127.0.0.1:" + on.port() + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream stream(HttpResponse<String> response) {
        return new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static QueryRunner runner() {
        return QueryRunner.local(store.dataset());
    }

    private static SavedQuery savedQuery(String name) {
        return saved.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    /** Each row as variable → term, in the result's order (terms as N-Triples-like strings). */
    private static List<Map<String, String>> rows(ResultSet results) {
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            Map<String, String> values = new HashMap<>();
            row.varNames().forEachRemaining(v -> values.put(v, row.get(v).isLiteral()
                    ? row.getLiteral(v).getLexicalForm() : row.get(v).toString()));
            rows.add(values);
        }
        return rows;
    }

    private static long quads() {
        Dataset dataset = store.dataset();
        return Txn.calculateRead(dataset, () -> Iter.count(dataset.asDatasetGraph().find()));
    }

    private static String anEventIri() throws BadParameterException {
        return runner().select(savedQuery("events-by-year"), Map.of("year", "2024")).next().getResource("event").getURI();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> unresolvedReferences(JsonNode node, JsonNode document) {
        List<String> unresolved = new ArrayList<>();
        if (node.has("$ref") && document.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
            unresolved.add(node.get("$ref").asText());
        }
        node.forEach(child -> unresolved.addAll(unresolvedReferences(child, document)));
        return unresolved;
    }
}
