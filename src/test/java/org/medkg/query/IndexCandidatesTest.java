package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.http.auth.AuthLib;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.MKG;
import org.medkg.search.DateIndex;
import org.medkg.search.DaySpan;
import org.medkg.search.RemoteNameIndex;
import org.medkg.server.MedkgServer;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;
import org.medkg.store.OlderNameIndexes;
import org.medkg.store.RemoteDataset;
import org.medkg.store.RemoteGraphStore;
import org.medkg.store.SparqlEndpoint;
import org.medkg.store.TdbGraphStore;

/**
 * The saved queries that take a fragment of a name, or a range of dates, give the rows with the index's candidates
 * that they give reading every name or every date: over a real TDB2 store of the seeds and the hemcenter articles,
 * after a re-load that renames or moves an event, after SPARQL Update and Graph Store writes through a server, for an
 * index made before the trigrams or before the dates, and over a remote Fuseki store.
 */
class IndexCandidatesTest {
    private static final Path SEEDS = Path.of("data");
    private static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
    /** «– Татаурщикова Наталья Станиславовна, д.м.н., профессор…», «Ковзель Елена Фёдоровна» */
    private static final String SEED_WITH_TATAURSHCHIKOVA = "000_be1d552f40914512.txt";
    /** «С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа…» */
    private static final String SEED_OF_MAY_2024 = "001_d9529d5f736d3bf0.txt";
    /**
     * Ranges of events-in-date-range: every month of three years, a day inside a three-day conference, a range over
     * years, one with no event, and one that ends before it begins.
     */
    private static final List<Map<String, String>> DATE_RANGES = dateRanges();
    /**
     * A surname, a part inside words (гематологии, гематолог…), a patronymic with ё and one without, a first name
     * with ё (Алёна, written so in the articles), two words, and two fragments too short for a trigram.
     */
    private static final List<String> FRAGMENTS = List.of("Нестерова", "ематолог", "Фёдоровн", "федоровна", "Алёна",
            "Заседание Международного", "Центр гематологии", "Алматы", "Казахстан", "ов", "Ал");
    /**
     * Jena 5.6 fails (a NullPointerException closing a hash join) on these two queries, with or without the index,
     * when no organizer or country holds the fragment: they are asked only fragments that some of theirs hold.
     */
    private static final Map<String, List<String>> MATCHED_ONLY = Map.of(
            "organizers-and-sponsors", List.of("ематолог", "Центр гематологии", "ов"),
            "cross-border-participation", List.of("Казахстан", "Россия", "захст", "Ро"));
    private static final Model TERMS = ModelFactory.createDefaultModel();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static TdbGraphStore corpus;

    @BeforeAll
    static void loadTheCorpus() {
        assumeTrue(Files.isDirectory(HEMCENTER), "no shared corpus at " + HEMCENTER);
        corpus = TdbGraphStore.open(dir.resolve("corpus"));
        LoadReport report = corpus.load(convert(List.of(SEEDS, HEMCENTER)), LoadProgress.none());
        assertTrue(report.failed().isEmpty(), report.toString());
    }

    @AfterAll
    static void closeTheCorpus() {
        if (corpus != null) {
            corpus.close();
        }
    }

    @Test
    void everyFragmentQueryGivesTheRowsOfItsScan() throws Exception {
        List<SavedQuery> withFragments = SavedQueries.load(Fixture.QUERIES, e -> {
            throw new AssertionError(e.getMessage(), e);
        }).stream().filter(saved -> !saved.fragments().isEmpty()).toList();
        assertEquals(Set.of("documents-mentioning", "expert-profile", "event-participants", "participant-cities",
                        "events-by-city", "organizations-by-city", "organizers-and-sponsors", "cross-border-participation"),
                Set.copyOf(withFragments.stream().map(SavedQuery::name).toList()));
        QueryRunner runner = QueryRunner.local(corpus.dataset());
        for (SavedQuery saved : withFragments) {
            String parameter = saved.fragments().keySet().iterator().next();
            // the placeholder is found inside the subquery that reads the names
            String candidate = "http://localhost:3030/id/person/nesterova-i-v";
            assertTrue(saved.narrowed(Map.of(saved.fragments().get(parameter), Set.of(candidate))).serialize()
                    .contains("<" + candidate + ">"), saved.name());
            int answered = 0;
            for (String fragment : MATCHED_ONLY.getOrDefault(saved.name(), FRAGMENTS)) {
                Map<String, String> values = Map.of(parameter, fragment);
                List<String> rows = sorted(Rows.of(runner.select(saved, values)));
                assertEquals(sorted(scan(corpus.dataset(), saved, values)), rows, saved.name() + " " + values);
                answered += rows.isEmpty() ? 0 : 1;
            }
            assertTrue(answered > 0, saved.name() + " found nothing for any of " + FRAGMENTS);
        }
    }

    @Test
    void everyDateRangeQueryGivesTheRowsOfItsScan() throws Exception {
        List<SavedQuery> withDates = SavedQueries.load(Fixture.QUERIES, e -> {
            throw new AssertionError(e.getMessage(), e);
        }).stream().filter(saved -> saved.dateRange().isPresent()).toList();
        assertEquals(Set.of("events-in-date-range", "events-by-year"),
                Set.copyOf(withDates.stream().map(SavedQuery::name).toList()));
        QueryRunner runner = QueryRunner.local(corpus.dataset());
        for (SavedQuery saved : withDates) {
            String candidate = "http://localhost:3030/id/event/2024-09-19-conference";
            assertTrue(saved.narrowed(Map.of("event", Set.of(candidate))).serialize().contains("<" + candidate + ">"),
                    saved.name());
            List<Map<String, String>> asked = saved.name().equals("events-by-year")
                    ? IntStream.rangeClosed(2010, 2027).mapToObj(year -> Map.of("year", String.valueOf(year))).toList()
                    : DATE_RANGES;
            int answered = 0;
            for (Map<String, String> values : asked) {
                List<String> rows = sorted(Rows.of(runner.select(saved, values)));
                assertEquals(sorted(scan(corpus.dataset(), saved, values)), rows, saved.name() + " " + values);
                answered += rows.isEmpty() ? 0 : 1;
            }
            assertTrue(answered >= 5, saved.name() + " answered " + answered + " of " + asked.size());
        }
    }

    @Test
    void theDateIndexNarrowsAMonthToItsEventsAndEveryOneOfThem() throws Exception {
        DateIndex dates = (DateIndex) corpus.names();
        DaySpan september = DaySpan.of("2024-09").orElseThrow();
        Set<String> candidates = dates.eventsOverlapping(september, new AtomicBoolean()).orElseThrow();
        Set<String> answered = new TreeSet<>();
        Rows.of(QueryRunner.local(corpus.dataset()).select(Fixture.saved("events-in-date-range"),
                Map.of("from", "2024-09-01", "to", "2024-09-30"))).forEach(row -> answered.add(row.get("event")));
        assertFalse(answered.isEmpty());
        assertTrue(candidates.containsAll(answered), answered + " not all in " + candidates);
        Set<String> started = new TreeSet<>();
        Txn.executeRead(corpus.dataset(), () -> corpus.dataset().asDatasetGraph().find(null, null, MKG.startDate, null)
                .forEachRemaining(quad -> started.add(quad.getSubject().getURI())));
        assertTrue(candidates.size() * 5 < started.size(), candidates.size() + " of " + started.size() + " events");
    }

    @Test
    void theIndexAnswersFragmentsOfThreeLettersOrMoreWithEveryEntityNamedSo() throws Exception {
        AtomicBoolean never = new AtomicBoolean();
        for (String fragment : List.of("Нестерова", "ематолог", "Фёдоровн", "федоровна", "Алёна", "Центр гематологии")) {
            Set<String> candidates = corpus.names().entitiesContaining(fragment, never).orElseThrow();
            Set<String> named = entitiesNamed(corpus.dataset(), fragment);
            assertFalse(named.isEmpty(), fragment);
            assertTrue(candidates.containsAll(named), fragment + ": " + named + " not all in " + candidates);
        }
        assertEquals(corpus.names().entitiesContaining("Фёдоровна", never),
                corpus.names().entitiesContaining("ФЕДОРОВНА", never), "ё is е, in any case");
        assertTrue(corpus.names().entitiesContaining("ов", never).isEmpty(), "two letters: no trigram, the scan");
    }

    @Test
    void aReloadThatRenamesIsFollowed() throws Exception {
        Path document = copyOfSeed("renamed", SEED_WITH_TATAURSHCHIKOVA);
        try (TdbGraphStore store = storeOf("renaming", document)) {
            SavedQuery profile = Fixture.saved("expert-profile");
            assertFalse(checkedRows(store.dataset(), profile, Map.of("name", "Татаурщиков")).isEmpty());

            // the same document again, the person written with ё in her surname: the stored graph is replaced by
            // its difference, whose quads the index is told of one by one
            Files.writeString(document, Files.readString(document).replace("Татаурщиков", "Тотаурщиков")
                    .replace("Ковзель Елена Фёдоровна", "Ковзель Елена Федоровна"));
            LoadReport report = store.load(convert(List.of(document)), LoadProgress.none());
            assertEquals(1, report.replaced().size(), report.toString());

            assertEquals(List.of(), checkedRows(store.dataset(), profile, Map.of("name", "Татаурщиков")));
            assertFalse(checkedRows(store.dataset(), profile, Map.of("name", "Тотаурщиков")).isEmpty());
            assertFalse(checkedRows(store.dataset(), profile, Map.of("name", "Елена Фёдоровна")).isEmpty());
        }
    }

    @Test
    void aReloadThatMovesAnEventIsFollowed() throws Exception {
        Path document = copyOfSeed("moved", SEED_OF_MAY_2024);
        try (TdbGraphStore store = storeOf("moving", document)) {
            SavedQuery range = Fixture.saved("events-in-date-range");
            Map<String, String> may = Map.of("from", "2024-05-01", "to", "2024-05-31");
            Map<String, String> october = Map.of("from", "2023-10-01", "to", "2023-10-31");
            assertFalse(checkedRows(store.dataset(), range, may).isEmpty());
            assertEquals(List.of(), checkedRows(store.dataset(), range, october));

            Files.writeString(document, Files.readString(document)
                    .replace("С 22 по 24 мая 2024 года", "С 22 по 24 октября 2023 года"));
            assertEquals(1, store.load(convert(List.of(document)), LoadProgress.none()).replaced().size());

            assertEquals(List.of(), checkedRows(store.dataset(), range, may));
            assertFalse(checkedRows(store.dataset(), range, october).isEmpty());
            SavedQuery byYear = Fixture.saved("events-by-year");
            assertFalse(checkedRows(store.dataset(), byYear, Map.of("year", "2023")).isEmpty());
        }
    }

    @Test
    void writesThroughTheServerAreFollowed() throws Exception {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("served"))) {
            MedkgServer server = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                    .credentials("editor", "s3cret").build().start();
            try {
                List<ConvertedDocument> seeds = convert(List.of(SEEDS));
                try (RemoteGraphStore http = RemoteGraphStore.connect(server.datasetUrl(), "editor", "s3cret")) {
                    assertEquals(3, http.load(seeds, LoadProgress.none()).added().size());
                }
                Map<String, String> tataurshchikova = Map.of("name", "Татаурщикова Н");
                assertFalse(servedRows(server, store, "expert-profile", tataurshchikova).isEmpty());

                String graph = seeds.stream().map(ConvertedDocument::graphIri)
                        .filter(iri -> iri.endsWith(SEED_WITH_TATAURSHCHIKOVA)).findFirst().orElseThrow();
                update(server, "DROP GRAPH <" + graph + ">");
                assertEquals(List.of(), servedRows(server, store, "expert-profile", tataurshchikova));

                // a Graph Store PUT, as load --endpoint writes
                try (RemoteGraphStore http = RemoteGraphStore.connect(server.datasetUrl(), "editor", "s3cret")) {
                    assertEquals(1, http.load(convert(List.of(SEEDS.resolve(SEED_WITH_TATAURSHCHIKOVA))),
                            LoadProgress.none()).added().size());
                }
                List<String> back = servedRows(server, store, "expert-profile", tataurshchikova);
                assertFalse(back.isEmpty());

                // a spelling added by SPARQL Update: «Татаурщикова Н.С.» as the article's list of speakers writes her
                update(server, "PREFIX rdfs: <" + RDFS.getURI() + "> PREFIX skos: <" + SKOS.getURI() + "> "
                        + "INSERT { GRAPH <" + graph + "> { ?person skos:altLabel \"Н.С. Татаурщикова\"@ru } } "
                        + "WHERE { GRAPH <" + graph + "> { ?person rdfs:label \"Татаурщикова Наталья Станиславовна\"@ru } }");
                assertFalse(servedRows(server, store, "expert-profile", Map.of("name", "Н.С. Тат")).isEmpty());

                // a one-day meeting moved to another year by SPARQL Update
                Map<String, String> march2025 = Map.of("from", "2025-03-01", "to", "2025-03-31");
                assertEquals(List.of(), servedRows(server, store, "events-in-date-range", march2025));
                update(server, "PREFIX mkg: <" + MKG.NS + "> "
                        + "DELETE { GRAPH ?g { ?event mkg:startDate ?start ; mkg:endDate ?end } } "
                        + "INSERT { GRAPH ?g { ?event mkg:startDate \"2025-03-19\"^^<" + XSD.date.getURI() + "> } } "
                        + "WHERE { GRAPH ?g { ?event mkg:startDate ?start ; mkg:endDate ?end } "
                        + "FILTER(?event = <http://localhost:3030/id/event/2024-09-19-meeting>) }");
                assertFalse(servedRows(server, store, "events-in-date-range", march2025).isEmpty());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void anIndexMadeBeforeTheTrigramsIsIndexedAgainWhenTheStoreOpens() throws Exception {
        try (TdbGraphStore store = seedsReopenedAfter("older", OlderNameIndexes::beforeTheTrigrams)) {
            assertTrue(store.names().entitiesContaining("Фёдоровн", new AtomicBoolean()).isPresent());
            assertFalse(checkedRows(store.dataset(), Fixture.saved("expert-profile"), Map.of("name", "Фёдоровн"))
                    .isEmpty());
        }
    }

    @Test
    void anIndexMadeBeforeTheDatesIndexesThemWhenTheStoreOpens() throws Exception {
        try (TdbGraphStore store = seedsReopenedAfter("undated", OlderNameIndexes::beforeTheDates)) {
            assertEquals(Set.of("http://localhost:3030/id/event/2024-05-22-course"), ((DateIndex) store.names())
                    .eventsOverlapping(DaySpan.of("2024-05").orElseThrow(), new AtomicBoolean()).orElseThrow());
            SavedQuery byYear = Fixture.saved("events-by-year");
            assertFalse(checkedRows(store.dataset(), byYear, Map.of("year", "2024")).isEmpty());
            assertTrue(store.names().entitiesContaining("Фёдоровн", new AtomicBoolean()).isPresent());
        }
    }

    @Test
    void aRemoteStoreGivesTheSameRowsAndFollowsALoadIntoIt() throws Exception {
        Dataset dataset = TDB2Factory.createDataset();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(0).add("/medkg", dataset).build().start();
        String url = "http://localhost:" + fuseki.getHttpPort() + "/medkg";
        Path document = copyOfSeed("remote", SEED_WITH_TATAURSHCHIKOVA);
        RemoteDataset remote = RemoteDataset.over(SparqlEndpoint.at(url, null, null, Duration.ofSeconds(30)));
        try (RemoteGraphStore writer = RemoteGraphStore.connect(url)) {
            writer.load(convert(List.of(document, HEMCENTER)), LoadProgress.none());
            try (RemoteNameIndex names = RemoteNameIndex.start(remote, url, Duration.ofSeconds(1))) {
                waitUntil(() -> names.entitiesContaining("Нестерова", new AtomicBoolean()).isPresent());
                QueryRunner served = QueryRunner.local(DatasetFactory.wrap(remote));
                QueryRunner scanning = QueryRunner.remote(url + "/sparql");
                for (String name : List.of("documents-mentioning", "expert-profile", "event-participants")) {
                    SavedQuery saved = Fixture.saved(name);
                    for (String fragment : FRAGMENTS) {
                        Map<String, String> values = Map.of(saved.fragments().keySet().iterator().next(), fragment);
                        assertEquals(sorted(Rows.of(scanning.select(saved, values))),
                                sorted(Rows.of(served.select(saved, values))), name + " " + values);
                    }
                }
                assertTrue(((DateIndex) names).eventsOverlapping(DaySpan.of("2024").orElseThrow(), new AtomicBoolean())
                        .isPresent());
                SavedQuery range = Fixture.saved("events-in-date-range");
                for (Map<String, String> values : DATE_RANGES) {
                    assertEquals(sorted(Rows.of(scanning.select(range, values))),
                            sorted(Rows.of(served.select(range, values))), values.toString());
                }

                // renamed by a load into the store: found once the index has seen the change, as search does
                Files.writeString(document, Files.readString(document).replace("Татаурщиков", "Тотаурщиков"));
                writer.load(convert(List.of(document)), LoadProgress.none());
                waitUntil(() -> names.entitiesContaining("Тотаурщиков", new AtomicBoolean())
                        .filter(entities -> !entities.isEmpty()).isPresent());
                SavedQuery profile = Fixture.saved("expert-profile");
                for (String fragment : List.of("Тотаурщиков", "Татаурщиков")) {
                    Map<String, String> values = Map.of("name", fragment);
                    assertEquals(sorted(Rows.of(scanning.select(profile, values))),
                            sorted(Rows.of(served.select(profile, values))), values.toString());
                }
                assertFalse(Rows.of(served.select(profile, Map.of("name", "Тотаурщиков"))).isEmpty());
            }
        } finally {
            fuseki.stop();
        }
    }

    /** A copy of a seed in a folder of its own, to be changed and loaded again. */
    private static Path copyOfSeed(String folder, String seed) throws IOException {
        Path document = Files.createDirectories(dir.resolve(folder)).resolve(seed);
        Files.copy(SEEDS.resolve(seed), document);
        return document;
    }

    /** A new store that holds the document alone. */
    private static TdbGraphStore storeOf(String name, Path document) {
        TdbGraphStore store = TdbGraphStore.open(dir.resolve(name));
        store.load(convert(List.of(document)), LoadProgress.none());
        return store;
    }

    /** How a closed store's name index is written again as an earlier medkg made it. */
    private interface OlderIndex {
        void write(Path storeDir) throws IOException;
    }

    /** A store of the seeds, closed, its name index written as {@code older} writes it, and opened again. */
    private static TdbGraphStore seedsReopenedAfter(String name, OlderIndex older) throws IOException {
        Path storeDir = dir.resolve(name);
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            store.load(convert(List.of(SEEDS)), LoadProgress.none());
        }
        older.write(storeDir);
        return TdbGraphStore.open(storeDir);
    }

    /** The rows with the index's candidates, checked against the scan's; with them. */
    private static List<String> checkedRows(Dataset dataset, SavedQuery saved, Map<String, String> values)
            throws BadParameterException {
        List<String> rows = sorted(Rows.of(QueryRunner.local(dataset).select(saved, values)));
        assertEquals(sorted(scan(dataset, saved, values)), rows, saved.name() + " " + values);
        return rows;
    }

    /** The rows of the saved query answered by the server's query API, checked against the scan of its store. */
    private static List<String> servedRows(MedkgServer server, TdbGraphStore store, String name,
                                           Map<String, String> values) throws Exception {
        // every row, not the API's first page
        StringBuilder url = new StringBuilder(server.siteUrl().replaceAll("/$", "") + "/api/queries/" + name
                + "?size=all");
        values.forEach((key, value) -> url.append('&').append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        List<String> rows = sorted(Rows.of(ResultSetMgr.read(new ByteArrayInputStream(response.body()),
                ResultSetLang.RS_JSON)));
        assertEquals(sorted(scan(store.dataset(), Fixture.saved(name), values)), rows, name + " " + values);
        return rows;
    }

    /** The saved query as written, reading every name: its placeholder lets every entity through. */
    private static List<Map<String, String>> scan(Dataset dataset, SavedQuery saved, Map<String, String> values)
            throws BadParameterException {
        QuerySolutionMap substitution = new QuerySolutionMap();
        saved.bind(values).forEach((variable, node) -> substitution.add(variable, TERMS.asRDFNode(node)));
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(saved.query())
                    .substitution(substitution).set(TDB2.symUnionDefaultGraph, true).build()) {
                return Rows.of(execution.execSelect());
            }
        });
    }

    /** The entities with a name containing the fragment (lower case, ё as е), read from every name. */
    private static Set<String> entitiesNamed(Dataset dataset, String fragment) {
        String wanted = fragment.toLowerCase().replace('ё', 'е');
        Set<String> named = new TreeSet<>();
        Txn.executeRead(dataset, () -> List.of(RDFS.label, SKOS.altLabel).forEach(property ->
                dataset.asDatasetGraph().find(null, null, property.asNode(), null).forEachRemaining(quad -> {
                    if (quad.getObject().getLiteralLexicalForm().toLowerCase().replace('ё', 'е').contains(wanted)) {
                        named.add(quad.getSubject().getURI());
                    }
                })));
        return named;
    }

    private static void update(MedkgServer server, String update) {
        UpdateExecutionHTTP.service(server.updateUrl().orElseThrow())
                .httpClient(HttpClient.newBuilder().authenticator(AuthLib.authenticator("editor", "s3cret")).build())
                .update(update).execute();
    }

    private static List<String> sorted(List<Map<String, String>> rows) {
        List<String> lines = new ArrayList<>(rows.stream().map(Map::toString).toList());
        lines.sort(null);
        return lines;
    }

    private static void waitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 60 s");
            Thread.sleep(100);
        }
    }

    private static List<Map<String, String>> dateRanges() {
        List<Map<String, String>> ranges = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2023, 1); month.getYear() < 2026; month = month.plusMonths(1)) {
            ranges.add(Map.of("from", month.atDay(1).toString(), "to", month.atEndOfMonth().toString()));
        }
        ranges.add(Map.of("from", "2024-09-20", "to", "2024-09-20"));
        ranges.add(Map.of("from", "2000-01-01", "to", "2030-12-31"));
        ranges.add(Map.of("from", "1990-01-01", "to", "1990-12-31"));
        ranges.add(Map.of("from", "2024-09-30", "to", "2024-09-01"));
        return ranges;
    }

    private static List<ConvertedDocument> convert(List<Path> inputs) {
        return Converter.standard().convert(inputs, failure -> {
            throw new AssertionError(failure.getMessage());
        });
    }
}
