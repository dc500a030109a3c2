package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pages.EntityIndex;
import org.medkg.pages.PageLanguage;
import org.medkg.pages.View;
import org.medkg.pages.Views;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.publish.Descriptions;
import org.medkg.publish.Site;
import org.medkg.query.BadParameterException;
import org.medkg.query.BadQueryException;
import org.medkg.query.QueryRunner;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.store.CancellableReads;
import org.medkg.store.LoadProgress;
import org.medkg.store.NodeIdScans;
import org.medkg.store.PatternReads;
import org.medkg.store.SeedStores;
import org.medkg.store.TdbGraphStore;
import org.medkg.store.VersionedStore;

/** The size bounds of the kept answers, over a real store holding the seeds and a real saved query. */
class KeptAnswersTest {

    @TempDir
    Path dir;

    @Test
    void anAnswerOverTheLimitIsServedButNotKept() throws BadQueryException, BadParameterException {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            QueryAnswer answer = QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of()));
            long size = answer.estimatedBytes();

            KeptAnswers<String, QueryAnswer> fitting = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size);
            KeptAnswers<String, QueryAnswer> tooSmall = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size - 1);
            for (int i = 0; i < 3; i++) {
                assertEquals(answer, fitting.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
                assertEquals(answer, tooSmall.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
            }
            assertEquals(1, fitting.computations(), "an answer of the limit's size is kept");
            assertEquals(3, tooSmall.computations(), "one byte over the limit: computed for each request");

            // and a floor, for answers cheap to compute again (an entity's page whose lists fit on one page)
            KeptAnswers<String, QueryAnswer> atTheFloor = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size, size);
            KeptAnswers<String, QueryAnswer> underTheFloor = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size + 1, Long.MAX_VALUE);
            for (int i = 0; i < 3; i++) {
                assertEquals(answer, atTheFloor.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
                assertEquals(answer, underTheFloor.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
            }
            assertEquals(1, atTheFloor.computations(), "an answer of the floor's size is kept");
            assertEquals(3, underTheFloor.computations(), "one byte under the floor: computed for each request");
        }
    }

    @Test
    void answersNamedByWhatClientsSendAreKeptWithinABoundOnAllOfThemTheOldestDroppedFirst() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "events-by-type");
            QueryRunner runner = QueryRunner.local(store.dataset());
            Map<String, QueryAnswer> types = Map.of(
                    "Conference", QueryAnswer.of(runner.select(query, Map.of("type", "Conference"))),
                    "Course", QueryAnswer.of(runner.select(query, Map.of("type", "Course"))));
            assertTrue(types.values().stream().noneMatch(answer -> answer.rows().isEmpty()), "the seeds have both");
            long both = types.values().stream().mapToLong(QueryAnswer::estimatedBytes).sum();
            // room for both answers, then room for one of them only
            KeptAnswers<String, QueryAnswer> roomy = new KeptAnswers<>("test", versions, QueryAnswer::estimatedBytes,
                    0, Long.MAX_VALUE, both);
            KeptAnswers<String, QueryAnswer> tight = new KeptAnswers<>("test", versions, QueryAnswer::estimatedBytes,
                    0, Long.MAX_VALUE, both - 1);
            for (String type : List.of("Conference", "Course", "Conference", "Course")) {
                for (KeptAnswers<String, QueryAnswer> kept : List.of(roomy, tight)) {
                    assertEquals(types.get(type), kept.answer(type, () -> false,
                            () -> QueryAnswer.of(runner.select(query, Map.of("type", type)))), type);
                }
            }
            assertEquals(2, roomy.computations(), "both kept: each computed once");
            assertEquals(4, tight.computations(), "each answer dropped for the other: computed every time");
        }
    }

    @Test
    @Timeout(60)
    void anAnswerGivenUpForItsTimeIsNotTriedAgainAfterAWriteButOneThatFailedIs() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery pairs = SavedQuery.parse("every-pair-of-triples", "a test", """
                    #+ summary: Counts every pair of triples (seconds of work over the seeds)
                    SELECT (COUNT(*) AS ?pairs) WHERE { ?a ?b ?c . ?d ?e ?f }
                    """);
            AtomicInteger runs = new AtomicInteger();
            KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> countPairs = cancelSignal -> {
                runs.incrementAndGet();
                return QueryAnswer.of(QueryRunner.local(DatasetFactory.wrap(
                        CancellableReads.over(store.dataset().asDatasetGraph(), cancelSignal))).select(pairs, Map.of()));
            };
            AtomicBoolean fails = new AtomicBoolean(true);
            KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> failingOnce = cancelSignal -> {
                runs.incrementAndGet();
                if (fails.getAndSet(false)) {
                    throw new IllegalStateException("the remote store is down");
                }
                return QueryAnswer.of(QueryRunner.local(store.dataset()).select(pairs, Map.of()));
            };
            try (KeptAnswers<String, QueryAnswer> answers = new KeptAnswers<String, QueryAnswer>("test", versions,
                    QueryAnswer::estimatedBytes, Long.MAX_VALUE).computedApart(Duration.ofMillis(300))) {
                KeptAnswers.GivenUpException tooLong = assertThrows(KeptAnswers.GivenUpException.class,
                        () -> answers.answerApart("pairs", () -> false, () -> false, countPairs));
                assertTrue(tooLong.getMessage().contains("took longer than the limit"), tooLong.getMessage());
                assertThrows(IllegalStateException.class,
                        () -> answers.answerApart("failing", () -> false, () -> false, failingOnce));
                assertThrows(KeptAnswers.GivenUpException.class,
                        () -> answers.answerApart("failing", () -> false, () -> false, failingOnce));
                assertEquals(2, runs.get());

                long before = versions.dataVersion();
                Txn.executeWrite(store.dataset(), () -> store.dataset().getNamedModel("urn:x:note")
                        .add(RDFS.Class, RDFS.label, "a write of one triple"));
                assertTrue(versions.dataVersion() > before);

                assertThrows(KeptAnswers.GivenUpException.class,
                        () -> answers.answerApart("pairs", () -> false, () -> false, countPairs));
                assertEquals(2, runs.get(), "not run again: a write of one triple does not make it cheaper");
                assertEquals(1, answers.answerApart("failing", () -> false, () -> false, failingOnce).rows().size(),
                        "a failure is tried again once the store has changed");
            }
        }
    }

    @Test
    void aWholeGraphAnswerIsKeptAcrossAWriteThatChangedNothingItReadsAndComputedAgainAfterOneThatDid()
            throws Exception {
        Path seeds = copyOfTheSeeds();
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(convert(seeds), LoadProgress.none());
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            KeptAnswers<String, QueryAnswer> answers = new KeptAnswers<String, QueryAnswer>("test", versions,
                    QueryAnswer::estimatedBytes, Long.MAX_VALUE).keptAcrossWrites((name, answer) -> query.footprint());
            KeptAnswers.Computation<QueryAnswer, BadParameterException> run = () -> QueryAnswer.of(
                    QueryRunner.local(store.dataset()).select(query, Map.of()));
            QueryAnswer before = answers.answer(query.name(), () -> false, run);

            // a document corrected by a line that names no one: its graph changes by its sha256 alone
            Path seed = seeds.resolve("000_be1d552f40914512.txt");
            Files.writeString(seed, Files.readString(seed) + "\n\nИсправлено.\n");
            assertEquals(1, store.load(convert(seed), LoadProgress.none()).replaced().size());

            assertEquals(before, answers.answer(query.name(), () -> false, run));
            assertEquals(1, answers.computations(), "kept across the re-load");

            Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                    PREFIX mkg: <https://w3id.org/medkg/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA { GRAPH <urn:x:added> {
                      <http://localhost:3030/id/event/2024-09-19-meeting> mkg:sponsor <urn:x:society> .
                      <urn:x:society> a mkg:Organization ; rdfs:label "Общество гематологов Казахстана"@ru } }
                    """, store.dataset()));
            QueryAnswer after = answers.answer(query.name(), () -> false, run);

            assertEquals(2, answers.computations(), "a new sponsor: computed again");
            assertEquals(before.rows().size() + 1, after.rows().size());
            assertTrue(after.rows().stream().anyMatch(row -> "Общество гематологов Казахстана".equals(
                    row.get(Var.alloc("agentLabel")).getLiteralLexicalForm())), after.rows().toString());
        }
    }

    @Test
    void aHubIndexIsKeptAcrossAWriteThatTouchedNoneOfItsNodesAndComputedAgainAfterOneInItsCity() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            Views views = new Views(new Site(Converter.DEFAULT_BASE, store.dataset().asDatasetGraph(),
                    Optional.empty(), MedkgServer.DEFAULT_QUERY_TIMEOUT), PageLanguage.of("ru", null));
            String kazakhstan = "http://localhost:3030/id/place/kazakhstan";
            KeptAnswers<String, Optional<EntityIndex>> indexes = new KeptAnswers<String, Optional<EntityIndex>>(
                    "test", versions, index -> 1, Long.MAX_VALUE)
                    .keptAcrossWrites((iri, index) -> index.orElseThrow().read());
            KeptAnswers.Computation<Optional<EntityIndex>, RuntimeException> index = () -> views.index(kazakhstan);
            EntityIndex before = indexes.answer(kazakhstan, () -> false, index).orElseThrow();

            courseIn(store, "urn:x:course", "Курс в Ташкенте", "http://localhost:3030/id/place/tashkent");

            assertEquals(before, indexes.answer(kazakhstan, () -> false, index).orElseThrow());
            assertEquals(1, indexes.computations(), "an event in Uzbekistan: Kazakhstan's index kept");

            courseIn(store, "urn:x:school", "Школа гематологов в Алматы", "http://localhost:3030/id/place/almaty");
            EntityIndex after = indexes.answer(kazakhstan, () -> false, index).orElseThrow();

            assertEquals(2, indexes.computations(), "an event in Almaty: computed again");
            View.Section events = views.entity(kazakhstan, 1, after).orElseThrow().sections().stream()
                    .filter(section -> section.id().equals("events-here")).findFirst().orElseThrow();
            assertTrue(events.rows().stream().anyMatch(row -> row.entity().text().equals("Школа гематологов в Алматы")),
                    events.toString());
        }
    }

    @Test
    @Timeout(60)
    void aComputationApartIsJoinedAfterAWriteItDoesNotReadAndStoppedAfterOneItReads() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            AtomicInteger runs = new AtomicInteger();
            AtomicBoolean release = new AtomicBoolean();
            AtomicReference<CountDownLatch> started = new AtomicReference<>(new CountDownLatch(1));
            CountDownLatch stopped = new CountDownLatch(1);
            // the query's own answer, held back until the test releases it, as a long computation is
            KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> held = cancelSignal -> {
                runs.incrementAndGet();
                started.get().countDown();
                heldBack(release, cancelSignal, stopped);
                return QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of()));
            };
            ExecutorService clients = Executors.newCachedThreadPool();
            try (KeptAnswers<String, QueryAnswer> answers = computedApartAcrossWrites(versions, query)) {
                // a client stops waiting once it has begun (and will ask again): the computation goes on
                assertThrows(QueryCancelledException.class, () -> answers.answerApart(query.name(),
                        () -> started.get().getCount() == 0, () -> false, held));
                Txn.executeWrite(store.dataset(), () -> store.dataset().getNamedModel("urn:x:note")
                        .add(RDFS.Class, RDFS.comment, "a note no saved query reads"));
                Future<QueryAnswer> afterTheNote = clients.submit(() ->
                        answers.answerApart(query.name(), () -> false, () -> false, held));
                Thread.sleep(500);
                assertEquals(1, runs.get(), "the request after the note waits for the computation under way");
                release.set(true);
                afterTheNote.get();
                assertEquals(1, runs.get());

                release.set(false);
                started.set(new CountDownLatch(1));
                sponsor(store, "urn:x:society", "Общество гематологов Казахстана");
                assertThrows(QueryCancelledException.class, () -> answers.answerApart(query.name(),
                        () -> started.get().getCount() == 0, () -> false, held));
                sponsor(store, "urn:x:foundation", "Фонд развития гематологии");
                Future<QueryAnswer> afterTheSponsor = clients.submit(() ->
                        answers.answerApart(query.name(), () -> false, () -> false, held));
                assertTrue(stopped.await(10, TimeUnit.SECONDS), "the computation of the version before it is stopped");
                release.set(true);
                QueryAnswer answer = afterTheSponsor.get();
                assertEquals(3, runs.get());
                assertTrue(answer.rows().stream().anyMatch(row -> "Фонд развития гематологии".equals(
                        row.get(Var.alloc("agentLabel")).getLiteralLexicalForm())), answer.rows().toString());
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(60)
    void anAnswerAskedBeforeWritesIsComputedAgainOnceTheyStopAndNotAgainUntilItIsAsked() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            AtomicInteger runs = new AtomicInteger();
            AtomicBoolean release = new AtomicBoolean(true);
            CountDownLatch stopped = new CountDownLatch(1);
            KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> run = cancelSignal -> {
                runs.incrementAndGet();
                heldBack(release, cancelSignal, stopped);
                return QueryAnswer.of(QueryRunner.local(DatasetFactory.wrap(
                        CancellableReads.over(store.dataset().asDatasetGraph(), cancelSignal))).select(query, Map.of()));
            };
            try (KeptAnswers<String, QueryAnswer> answers = computedApartAcrossWrites(versions, query)) {
                answers.refreshInBackground(Duration.ofMillis(300), new KeptAnswers.RefreshTurn());
                // asked once the store has been quiet a while, and computed for longer than a look at it: the
                // computation under way is the request's, and the asking is kept for the refresh after the writes
                Thread.sleep(500);
                release.set(false);
                ExecutorService client = Executors.newSingleThreadExecutor();
                try {
                    Future<QueryAnswer> first = client.submit(() ->
                            answers.answerApart(query.name(), () -> false, () -> false, run));
                    Thread.sleep(600);
                    release.set(true);
                    first.get();
                } finally {
                    client.shutdownNow();
                }
                assertEquals(1, runs.get());

                sponsor(store, "urn:x:society", "Общество гематологов Казахстана");
                awaitRuns(runs, 2, "computed again once the writes stopped, unasked");
                QueryAnswer refreshed = answers.answerApart(query.name(), () -> false, () -> false, run);
                assertEquals(2, runs.get(), "the request after it finds it kept");
                assertTrue(refreshed.rows().stream().anyMatch(row -> "Общество гематологов Казахстана".equals(
                        row.get(Var.alloc("agentLabel")).getLiteralLexicalForm())), refreshed.rows().toString());

                // a refresh under way is stopped by a write that changes its answer
                release.set(false);
                sponsor(store, "urn:x:foundation", "Фонд развития гематологии");
                awaitRuns(runs, 3, "the refresh after the foundation begins");
                sponsor(store, "urn:x:fund", "Фонд поддержки доноров");
                assertTrue(stopped.await(10, TimeUnit.SECONDS), "the refresh of the version before is stopped");
                release.set(true);

                // no one asked since: the writes are not followed by another computation
                Thread.sleep(1_500);
                assertEquals(3, runs.get(), "not computed again for no request");
                QueryAnswer asked = answers.answerApart(query.name(), () -> false, () -> false, run);
                assertEquals(4, runs.get());
                assertTrue(asked.rows().stream().anyMatch(row -> "Фонд поддержки доноров".equals(
                        row.get(Var.alloc("agentLabel")).getLiteralLexicalForm())), asked.rows().toString());
            }
        }
    }

    @Test
    @Timeout(60)
    void refreshesRunOneAtATimeAndNeverForAnAnswerOnceGivenUp() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            AtomicBoolean release = new AtomicBoolean(true);
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            AtomicBoolean failing = new AtomicBoolean(true);
            KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> run = cancelSignal -> {
                heldBack(release, cancelSignal, new CountDownLatch(1));
                return QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of()));
            };
            try (KeptAnswers<String, QueryAnswer> answers = computedApartAcrossWrites(versions, query)) {
                answers.refreshInBackground(Duration.ofMillis(300), new KeptAnswers.RefreshTurn());
                for (String name : List.of("first", "second", "failing")) {
                    AtomicInteger counted = runs.computeIfAbsent(name, n -> new AtomicInteger());
                    KeptAnswers.CancellableComputation<QueryAnswer, BadParameterException> counting = cancelSignal -> {
                        counted.incrementAndGet();
                        if (name.equals("failing") && failing.get()) {
                            throw new IllegalStateException("a failure of the computation");
                        }
                        return run.compute(cancelSignal);
                    };
                    if (name.equals("failing")) {
                        assertThrows(IllegalStateException.class,
                                () -> answers.answerApart(name, () -> false, () -> false, counting));
                    } else {
                        answers.answerApart(name, () -> false, () -> false, counting);
                    }
                }
                failing.set(false);

                release.set(false);
                sponsor(store, "urn:x:society", "Общество гематологов Казахстана");
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (runs.get("first").get() + runs.get("second").get() < 3 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                Thread.sleep(1_000);
                assertEquals(3, runs.get("first").get() + runs.get("second").get(), "one refresh under way at a time");
                release.set(true);
                awaitRuns(runs.get("first"), 2, "the first refreshed");
                awaitRuns(runs.get("second"), 2, "and the second after it");
                Thread.sleep(1_000);
                assertEquals(1, runs.get("failing").get(), "an answer once given up is left to its requests");
            }
        }
    }

    @Test
    @Timeout(60)
    void ofAnswersComputedInTheirRequestsThoseAskedLastAreComputedAgainOnceWritesStop() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            Map<String, AtomicInteger> refreshed = new ConcurrentHashMap<>();
            try (KeptAnswers<String, QueryAnswer> pages = computedApartAcrossWrites(versions, query)) {
                pages.refreshInBackground(Duration.ofMillis(300), new KeptAnswers.RefreshTurn());
                // pages named by what clients send: more of them than are remembered as asked
                List<String> names = new ArrayList<>();
                for (int i = 0; i < KeptAnswers.MOST_ASKED + 6; i++) {
                    String name = "page " + i;
                    names.add(name);
                    AtomicInteger counted = refreshed.computeIfAbsent(name, n -> new AtomicInteger());
                    pages.answer(name, () -> false,
                            () -> QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of())),
                            cancelSignal -> {
                                counted.incrementAndGet();
                                return QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of()));
                            });
                }
                assertEquals(0, refreshed.values().stream().mapToInt(AtomicInteger::get).sum(), "computed in "
                        + "their requests");

                sponsor(store, "urn:x:society", "Общество гематологов Казахстана");
                String last = names.get(names.size() - 1);
                String oldestRemembered = names.get(names.size() - KeptAnswers.MOST_ASKED);
                awaitRuns(refreshed.get(oldestRemembered), 1, "the oldest page still remembered, refreshed last");
                Thread.sleep(1_000);
                for (String name : names) {
                    assertEquals(names.indexOf(name) >= 6 ? 1 : 0, refreshed.get(name).get(), name);
                }
                QueryAnswer kept = pages.answer(last, () -> false, () -> {
                    throw new AssertionError("served as refreshed, not computed again");
                }, cancelSignal -> {
                    throw new AssertionError("not computed again");
                });
                assertTrue(kept.rows().stream().anyMatch(row -> "Общество гематологов Казахстана".equals(
                        row.get(Var.alloc("agentLabel")).getLiteralLexicalForm())), kept.rows().toString());
            }
        }
    }

    /** Saved query answers computed apart and kept across the writes that changed nothing the query reads. */
    private static KeptAnswers<String, QueryAnswer> computedApartAcrossWrites(VersionedStore versions,
                                                                          SavedQuery query) {
        return new KeptAnswers<String, QueryAnswer>("test", versions, QueryAnswer::estimatedBytes, Long.MAX_VALUE)
                .computedApart(Duration.ofSeconds(30)).keptAcrossWritesReading(name -> query.footprint());
    }

    /**
     * Waits while {@code release} is false, as a long computation does; stopped by its cancel signal first, counts
     * {@code stopped} down and ends as a cancelled query does.
     */
    private static void heldBack(AtomicBoolean release, AtomicBoolean cancelSignal, CountDownLatch stopped) {
        while (!release.get()) {
            if (cancelSignal.get()) {
                stopped.countDown();
                throw new QueryCancelledException();
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    private static void awaitRuns(AtomicInteger runs, int expected, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() < expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, runs.get(), what);
    }

    @Test
    void aHubsLinksAreKeptUntilAWritePointsAtItAndReadAgainOnceTheStoreIsCompacted() {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            DatasetGraph dataset = store.dataset().asDatasetGraph();
            Node kazakhstan = NodeFactory.createURI("http://localhost:3030/id/place/kazakhstan");
            KeptAnswers<LinkedDataModule.PointingKey, PatternReads.Links> kept =
                    new KeptAnswers<LinkedDataModule.PointingKey, PatternReads.Links>("test", (VersionedStore) dataset,
                            links -> 1, Long.MAX_VALUE).keptAcrossWritesReading(LinkedDataModule.PointingKey::footprint);
            KeptAnswers.Computation<PatternReads.Links, RuntimeException> links =
                    () -> Descriptions.pointingAt(dataset, kazakhstan);
            PatternReads.Links before = kept.answer(pointingKey(dataset, kazakhstan), () -> false, links);

            courseIn(store, "urn:x:course", "Курс в Ташкенте", "http://localhost:3030/id/place/tashkent");

            assertEquals(before, kept.answer(pointingKey(dataset, kazakhstan), () -> false, links));
            assertEquals(1, kept.computations(), "nothing new points at Kazakhstan: its links kept");

            Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                    PREFIX mkg: <https://w3id.org/medkg/ontology#>
                    INSERT DATA { GRAPH <urn:x:added> {
                      <urn:x:town> mkg:country <http://localhost:3030/id/place/kazakhstan> } }
                    """, store.dataset()));
            PatternReads.Links after = kept.answer(pointingKey(dataset, kazakhstan), () -> false, links);

            assertEquals(2, kept.computations(), "a town in Kazakhstan: read again");
            assertEquals(before.size() + 1, after.size());

            for (int write = 0; !store.compactionDue(); write++) {
                assertTrue(write < 1000, "not due for compaction after " + write + " writes");
                String quad = "<urn:x:s%d> <urn:x:p> \"written\"".formatted(write);
                Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute(
                        "INSERT DATA { GRAPH <urn:x:more> { " + quad + " } }", store.dataset()));
            }
            store.compactIfDue();

            assertTrue(Descriptions.describe(dataset, kazakhstan, 1).orElseThrow().graph().isIsomorphicWith(
                    Descriptions.describe(dataset, kazakhstan, 1, new HashMap<>(), after).orElseThrow().graph()),
                    "links found before the compaction: read again, not decoded by the old node ids");
            kept.answer(pointingKey(dataset, kazakhstan), () -> false, links);
            assertEquals(3, kept.computations(), "another storage: its own links");
        }
    }

    private static LinkedDataModule.PointingKey pointingKey(DatasetGraph dataset, Node iri) {
        return new LinkedDataModule.PointingKey(iri, NodeIdScans.storageFolder(dataset).orElseThrow());
    }

    @Test
    void aHubsPageIsServedAsRenderedUntilAWriteRenamesARowItShows() throws Exception {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            // sixty courses in Almaty make Kazakhstan a hub: its events come in pages of fifty
            StringBuilder courses = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                courses.append("<urn:x:course-%02d> a mkg:Course ; rdfs:label \"Курс %02d\"@ru ; mkg:city <%s> .\n"
                        .formatted(i, i, "http://localhost:3030/id/place/almaty"));
            }
            update(store, "INSERT DATA { GRAPH <urn:x:added> { " + courses + " } }");
            MedkgServer server = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0).build().start();
            try {
                String page = "http://127.0.0.1:" + server.port() + "/page/id/place/kazakhstan?lang=ru";
                String first = get(page);
                assertTrue(first.contains(">Курс 00<"), "the first course is on the first page");
                assertEquals(first, get(page), "the same page asked again");

                update(store, "DELETE DATA { GRAPH <urn:x:added> { <urn:x:course-00> rdfs:label \"Курс 00\"@ru } } ;"
                        + " INSERT DATA { GRAPH <urn:x:added> { <urn:x:course-00> rdfs:label \"Курс нулевой\"@ru } }");
                String renamed = get(page);

                assertTrue(renamed.contains(">Курс нулевой<") && !renamed.contains(">Курс 00<"),
                        "the page after the course was renamed shows its new name");

                // the graph stating the courses is their source; its title is read by the page, not by the index
                update(store, "INSERT DATA { GRAPH <urn:x:added> { <urn:x:added> <http://purl.org/dc/terms/title>"
                        + " \"Добавленные курсы\"@ru } }");

                assertTrue(get(page).contains(">Добавленные курсы<"), "the page after its source got a title");
            } finally {
                server.stop();
            }
        }
    }

    private static void update(TdbGraphStore store, String update) {
        Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                """ + update, store.dataset()));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    /** A sponsor of the 2024 meeting, written by SPARQL Update. */
    private static void sponsor(TdbGraphStore store, String sponsor, String label) {
        Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <urn:x:added> {
                  <http://localhost:3030/id/event/2024-09-19-meeting> mkg:sponsor <%s> .
                  <%s> a mkg:Organization ; rdfs:label "%s"@ru } }
                """.formatted(sponsor, sponsor, label), store.dataset()));
    }

    /** A course in the city, written by SPARQL Update. */
    private static void courseIn(TdbGraphStore store, String course, String label, String city) {
        Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <urn:x:added> { <%s> a mkg:Course ; rdfs:label "%s"@ru ; mkg:city <%s> } }
                """.formatted(course, label, city), store.dataset()));
    }

    /** The seeds in a folder named like the project's, so that each document's graph is the one it has there. */
    private Path copyOfTheSeeds() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("docs").resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, seeds.resolve(file.getFileName()));
            }
        }
        return seeds;
    }

    private static List<ConvertedDocument> convert(Path documents) {
        return Converter.standard(Converter.DEFAULT_BASE).convert(List.of(documents), e -> {
            throw new AssertionError(e.getMessage(), e);
        });
    }

    private TdbGraphStore storeOfTheSeeds() {
        return SeedStores.open(dir.resolve("store"));
    }
}
