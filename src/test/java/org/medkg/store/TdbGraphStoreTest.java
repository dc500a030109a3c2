package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.server.ServedDocuments;

class TdbGraphStoreTest extends GraphStoreScenarios {

    @TempDir
    Path dir;

    private TdbGraphStore store;

    @BeforeEach
    void open() {
        store = TdbGraphStore.open(dir.resolve("store"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    GraphStore store() {
        return store;
    }

    @Override
    Graph storedGraph(String graphIri) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        return dsg.calculateRead(() -> copy(dsg.getGraph(NodeFactory.createURI(graphIri))));
    }

    @Override
    Set<String> storedGraphNames() {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        Set<String> names = new HashSet<>();
        dsg.executeRead(() -> dsg.listGraphNodes().forEachRemaining(name -> names.add(name.getURI())));
        return names;
    }

    @Test
    @Timeout(300)
    void aReaderSeesTheOldGraphOrTheNewOneNeverAMix() throws InterruptedException {
        String text = TestDocuments.seedText("000_be1d552f40914512.txt");
        ConvertedDocument before = TestDocuments.document("000_be1d552f40914512.txt", text, events("Конференция", 600));
        ConvertedDocument after = TestDocuments.document("000_be1d552f40914512.txt", text + "\nДополнение.", events("Симпозиум", 300));
        Set<Triple> beforeTriples = Set.copyOf(before.graph().find().toList());
        Set<Triple> afterTriples = Set.copyOf(after.graph().find().toList());
        // Loads compact this small store while the reader reads (through the store's transaction gate): each
        // re-load's garbage is as large as the store.
        store.load(List.of(before, LEUKEMIA), LoadProgress.none());
        Dataset dataset = store.dataset();
        Node graphName = NodeFactory.createURI(before.graphIri());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sawBefore = new AtomicInteger();
        AtomicInteger sawAfter = new AtomicInteger();
        List<String> mixes = new ArrayList<>();

        Thread reader = new Thread(() -> {
            while (writing.get()) {
                Set<Triple> seen = dataset.calculateRead(
                        () -> Set.copyOf(dataset.asDatasetGraph().getGraph(graphName).find().toList()));
                if (seen.equals(beforeTriples)) {
                    sawBefore.incrementAndGet();
                } else if (seen.equals(afterTriples)) {
                    sawAfter.incrementAndGet();
                } else {
                    mixes.add(seen.size() + " triples");
                }
            }
        });
        reader.start();
        for (int round = 0; round < 20; round++) {
            store.load(List.of(round % 2 == 0 ? after : before, LEUKEMIA), LoadProgress.none());
        }
        writing.set(false);
        reader.join();

        assertEquals(List.of(), mixes, "reads that saw neither the old nor the new graph");
        assertTrue(sawBefore.get() > 0 && sawAfter.get() > 0,
                "the reader saw both versions: " + sawBefore + " old, " + sawAfter + " new");
    }

    @Test
    void aFirstLoadInManyWindowsTakesNoMoreRoomThanInOneAndLeavesNothingToCompact() {
        List<ConvertedDocument> documents = numbered(300, "версия 0");
        GraphStore.Loading loading = store.startLoad(documents.size(), LoadProgress.none());
        for (int from = 0; from < documents.size(); from += 10) {
            loading.store(documents.subList(from, from + 10));
        }
        assertEquals(documents.size(), loading.finish().added().size());
        long inWindows = bytesInUse();
        long inOne;
        try (TdbGraphStore other = TdbGraphStore.open(dir.resolve("other"))) {
            other.load(documents, LoadProgress.none());
            inOne = StoreSize.inUse(DatabaseOps.findStorageLocation(dir.resolve("other")));
        }

        assertEquals(List.of("Data-0001"), generations(), "never compacted");
        assertTrue(inWindows <= inOne * 1.05, "30 windows " + inWindows + " bytes, one " + inOne);
        documents.forEach(this::assertStored);
    }

    @Test
    void aFirstLoadThatBreaksOffLeavesTheStoreEmptyAndTheNextLoadStoresEverything() {
        GraphStore.Loading loading = store.startLoad(SEEDS.size(), LoadProgress.none());
        loading.store(List.of(IMMUNOLOGY, LEUKEMIA));
        loading.close();

        assertEquals(Set.of(), storedGraphNames());
        assertEquals(names(SEEDS), store.load(SEEDS, LoadProgress.none()).added());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void everyQuadIndexOfAFirstLoadHoldsTheQuadsLoadedEvenWhenADocumentFailsInIt() {
        // the seeds and the articles: thousands of quads, so that several batches go to the second index thread
        List<Path> inputs = new ArrayList<>(List.of(Path.of("data")));
        if (Files.isDirectory(ServedDocuments.HEMCENTER)) {
            inputs.add(ServedDocuments.HEMCENTER);
        }
        List<ConvertedDocument> documents = Converter.standard("http://localhost:3030/").convert(inputs, e -> {
            throw new AssertionError(e);
        });
        ConvertedDocument broken = unstorable("broken.txt");
        // the broken one after more quads than a batch of the second thread, when there are that many
        int before = 0;
        for (int quads = 0; before < documents.size() && quads <= SplitIndexAdds.BATCH; before++) {
            quads += documents.get(before).graph().size();
        }

        GraphStore.Loading loading = store.startLoad(documents.size() + 1, LoadProgress.none());
        loading.store(documents.subList(0, before));
        loading.store(List.of(broken));
        loading.store(documents.subList(before, documents.size()));
        LoadReport report = loading.finish();
        store.close();

        assertEquals(documents.size(), report.added().size());
        assertEquals(1, report.failed().size());
        Set<Quad> loaded = new HashSet<>();
        documents.forEach(document -> document.graph().find().forEachRemaining(
                triple -> loaded.add(new Quad(NodeFactory.createURI(document.graphIri()), triple))));
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("store")));
        try {
            tdb.executeRead(() -> {
                NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(tdb).getQuadTable().getNodeTupleTable();
                for (TupleIndex index : quads.getTupleTable().getIndexes()) {
                    Set<Quad> held = new HashSet<>();
                    index.all().forEachRemaining(tuple -> held.add(Quad.create(
                            quads.getNodeTable().getNodeForNodeId(tuple.get(0)),
                            quads.getNodeTable().getNodeForNodeId(tuple.get(1)),
                            quads.getNodeTable().getNodeForNodeId(tuple.get(2)),
                            quads.getNodeTable().getNodeForNodeId(tuple.get(3)))));
                    assertEquals(loaded, held, "the quads of index " + index.getName());
                }
            });
        } finally {
            TDBInternal.expel(tdb);
            store = TdbGraphStore.open(dir.resolve("store"));
        }
    }

    @Test
    void aLoadIntoAStoreHoldingGraphsKeepsEachWindowItStoredEvenIfItBreaksOff() {
        store.load(List.of(IMMUNOLOGY), LoadProgress.none());
        GraphStore.Loading loading = store.startLoad(2, LoadProgress.none());
        loading.store(List.of(LEUKEMIA));

        assertEquals(Set.copyOf(names(List.of(IMMUNOLOGY, LEUKEMIA))), storedGraphNames(), "committed already");
        loading.close();
        assertEquals(Set.copyOf(names(List.of(IMMUNOLOGY, LEUKEMIA))), storedGraphNames());
    }

    @Test
    void aReopenedStoreKeepsWhatWasLoaded() {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        store = TdbGraphStore.open(dir.resolve("store"));

        LoadReport report = store.load(SEEDS, LoadProgress.none());

        assertEquals(names(SEEDS), report.unchanged());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void reloadingEveryDocumentAgainAndAgainKeepsTheStoreWithinTwiceItsFreshSize() {
        int count = 150;
        store.load(numbered(count, "версия 0"), LoadProgress.none());
        long fresh = bytesInUse();
        List<Long> sizes = new ArrayList<>();

        for (int round = 1; round <= 4; round++) {
            LoadReport report = store.load(numbered(count, "версия " + round), LoadProgress.none());
            assertEquals(count, report.replaced().size());
            sizes.add(bytesInUse());
        }

        for (long size : sizes) {
            assertTrue(size <= CompactionPolicy.GROWTH * fresh, "bytes in use by round " + sizes + ", fresh " + fresh);
        }
        assertTrue(generations().size() == 1 && !generations().equals(List.of("Data-0001")),
                "compacted, and only the newest generation left: " + generations());
        numbered(count, "версия 4").forEach(this::assertStored);
        assertEquals(List.of(), store.names().search("версия 3 7", 5, new AtomicBoolean()), "old names left the index");
        assertEquals("версия 4 7", store.names().search("версия 4 7", 5, new AtomicBoolean()).get(0).matchedName());
    }

    @Test
    void aReplacedDocumentIsFoundByTheNamesItHasNowAndNoLongerByTheOnesItDropped() {
        store.load(List.of(IMMUNOLOGY), LoadProgress.none());
        assertEquals(List.of(), search("миелобластный лейкоз"), "not loaded yet");
        // the conference stays, the project goes, the exchange programme comes
        ConvertedDocument edited = TestDocuments.document("000_be1d552f40914512.txt",
                IMMUNOLOGY.source().text() + "\nИсправлено.", CONFERENCE, EXCHANGE);

        assertEquals(List.of(edited.graphIri()), store.load(List.of(edited), LoadProgress.none()).replaced());
        store.close();
        store = TdbGraphStore.open(dir.resolve("store"));

        assertStored(edited);
        assertEquals(List.of(CONFERENCE), search("Аллергология и иммунология достижения"));
        assertEquals(List.of(EXCHANGE), search("миелобластный лейкоз"));
        assertEquals(List.of(), search("Клиническая иммунология в междисциплинарной практике"));
    }

    @Test
    @Timeout(60)
    void aReadGivenUpWhileADocumentIsWrittenLeavesTheDocumentsNamesFoundAndTheStoreWritable() throws Exception {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readGivenUp = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> {
                dsg.begin(ReadWrite.WRITE);
                try {
                    dsg.add(NodeFactory.createURI("urn:x:exchange-document"), NodeFactory.createURI("urn:x:exchange"),
                            RDFS.label.asNode(), NodeFactory.createLiteralLang(EXCHANGE, "ru"));
                    written.countDown();
                    readGivenUp.await();
                    dsg.commit();
                } finally {
                    dsg.end();
                }
                return null;
            });
            written.await();
            // a query stopped for its time or for the heap ends its read transaction by an abort
            assertThrows(QueryCancelledException.class, () -> Txn.executeRead(dsg, () -> {
                throw new QueryCancelledException();
            }));
            readGivenUp.countDown();
            write.get();
        } finally {
            writer.shutdown();
        }

        assertEquals(List.of(EXCHANGE), search("миелобластный лейкоз"));
        store.load(List.of(IMMUNOLOGY), LoadProgress.none());
        assertEquals(List.of(CONFERENCE), search("Аллергология и иммунология достижения"));
    }

    @Test
    void aWriteThatAbortsLeavesNoneOfItsNamesInTheIndex() {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        dsg.begin(ReadWrite.WRITE);
        try {
            dsg.add(NodeFactory.createURI("urn:x:exchange-document"), NodeFactory.createURI("urn:x:exchange"),
                    RDFS.label.asNode(), NodeFactory.createLiteralLang(EXCHANGE, "ru"));
            dsg.abort();
        } finally {
            dsg.end();
        }

        assertEquals(List.of(), search("миелобластный лейкоз"));
        store.load(List.of(LEUKEMIA), LoadProgress.none());
        assertEquals(List.of(EXCHANGE), search("миелобластный лейкоз"));
    }

    @Test
    void aNameSeveralDocumentsStateIsIndexedOnceAndFoundUntilTheLastOfThemDropsIt() {
        ConvertedDocument first = TestDocuments.document("000_be1d552f40914512.txt", "Первый текст.", CONFERENCE, PROJECT);
        ConvertedDocument second = TestDocuments.document("001_d9529d5f736d3bf0.txt", "Второй текст.", CONFERENCE);
        ConvertedDocument third = TestDocuments.document("002_d6f503734638d6f4.txt", "Третий текст.", CONFERENCE);
        store.load(List.of(first, second), LoadProgress.none());
        assertEquals(1, nameRows(CONFERENCE), "a first load indexes the name once");
        store.load(List.of(third), LoadProgress.none());
        assertEquals(1, nameRows(CONFERENCE), "a later load does not index it again");

        // SPARQL Update and Graph Store writes go through the wrapped dataset: the same rule
        Dataset dataset = store.dataset();
        Quad stated = new Quad(NodeFactory.createURI("urn:x:update"), Triple.create(eventOf(CONFERENCE),
                RDFS.label.asNode(), NodeFactory.createLiteralLang(CONFERENCE, "ru")));
        dataset.executeWrite(() -> dataset.asDatasetGraph().add(stated));
        assertEquals(1, nameRows(CONFERENCE));
        dataset.executeWrite(() -> dataset.asDatasetGraph().delete(stated));
        assertEquals(List.of(CONFERENCE), search("Аллергология и иммунология достижения"), "three documents state it");

        store.load(List.of(TestDocuments.document("000_be1d552f40914512.txt", "Первый текст, исправлен.")),
                LoadProgress.none());
        assertEquals(List.of(), search("Клиническая иммунология в междисциплинарной практике"), "no one states it");
        assertEquals(List.of(CONFERENCE), search("Аллергология и иммунология достижения"), "two documents state it");
        store.load(List.of(TestDocuments.document("001_d9529d5f736d3bf0.txt", "Второй текст, исправлен."),
                TestDocuments.document("002_d6f503734638d6f4.txt", "Третий текст, исправлен.")), LoadProgress.none());
        assertEquals(List.of(), search("Аллергология и иммунология достижения"));
        assertEquals(0, nameRows(CONFERENCE));
    }

    @Test
    void anIndexOfADocumentPerGraphIsIndexedAgainWhenTheStoreOpensSoThatADroppedNameIsNoLongerFound()
            throws IOException {
        ConvertedDocument again = TestDocuments.document("001_d9529d5f736d3bf0.txt", "Второй текст.", CONFERENCE);
        store.load(List.of(IMMUNOLOGY, again), LoadProgress.none());
        store.close();
        Path storeDir = dir.resolve("store");
        OlderNameIndexes.aDocumentPerGraph(storeDir);

        store = TdbGraphStore.open(storeDir);
        assertEquals(1, nameRows(CONFERENCE), "indexed again, each name once");
        store.load(List.of(TestDocuments.document("000_be1d552f40914512.txt", "Исправлено.", CONFERENCE)),
                LoadProgress.none());
        assertEquals(List.of(), search("Клиническая иммунология в междисциплинарной практике"));
        assertEquals(List.of(CONFERENCE), search("Аллергология и иммунология достижения"));
    }

    /** The rows {@code text:query} gives for the name: one per (entity, name) the index holds. */
    private long nameRows(String name) {
        String query = "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n) { "
                + "(?entity ?score ?name) text:query \"" + name.split(" ")[0] + "\" FILTER(STR(?name) = \""
                + name + "\") }";
        Dataset dataset = store.dataset();
        return dataset.calculateRead(() -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
                return execution.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static Node eventOf(String label) {
        return NodeFactory.createURI("https://w3id.org/medkg/event/" + TestDocuments.sha256(label).substring(0, 16));
    }

    private List<String> search(String query) {
        return store.names().search(query, 5, new AtomicBoolean()).stream().map(hit -> hit.matchedName()).toList();
    }

    @Test
    void reloadingOneChangedDocumentIntoALargerStoreDoesNotCompactIt() {
        store.load(numbered(300, "первая версия"), LoadProgress.none());

        for (int round = 0; round < 3; round++) {
            ConvertedDocument changed = TestDocuments.document("doc-7.txt", "Документ 7, правка " + round + ".", "правка " + round);
            assertEquals(List.of(changed.graphIri()), store.load(List.of(changed), LoadProgress.none()).replaced());
        }

        assertFalse(store.compactionDue());
        assertEquals(List.of("Data-0001"), generations(), "never compacted");
        assertStored(TestDocuments.document("doc-7.txt", "Документ 7, правка 2.", "правка 2"));
    }

    @Test
    void smallWritesOutsideALoadAreCompactedOnceTheyPassTheBoundByTheNextLoadEvenIfItChangesNothing() {
        store.load(SEEDS, LoadProgress.none());
        writeOneQuad(0);
        assertFalse(store.compactionDue(), "one small write is not worth a compaction");

        // Graph Store writes to a server serving the store commit like this, one transaction each, with no load.
        int writes = writeUntilDue();

        assertTrue(writes > 1, "due after " + writes + " writes");
        assertTrue(Files.exists(dir.resolve("store").resolve(TdbGraphStore.COMPACTION_DUE)), "remembered on disk");
        assertEquals(List.of("Data-0001"), generations());

        LoadReport again = store.load(SEEDS, LoadProgress.none());

        assertEquals(names(SEEDS), again.unchanged());
        assertEquals(List.of("Data-0002"), generations(), "compacted although the load wrote nothing");
        assertFalse(store.compactionDue());
        assertFalse(Files.exists(dir.resolve("store").resolve(TdbGraphStore.COMPACTION_DUE)));
    }

    @Test
    void aStoreDueAndNeverCompactedIsCompactedWhenOpened() {
        store.load(SEEDS, LoadProgress.none());
        writeUntilDue();
        Dataset dataset = store.dataset();
        dataset.executeWrite(() -> dataset.asDatasetGraph().removeGraph(NodeFactory.createURI("urn:x:graph")));
        // The process stops before compacting (a server killed after a load over HTTP).
        store.close();

        store = TdbGraphStore.open(dir.resolve("store"));

        assertEquals(List.of("Data-0002"), generations());
        assertFalse(store.compactionDue());
        assertEquals(Set.copyOf(names(SEEDS)), storedGraphNames());
    }

    @Test
    void aCompactionKilledAfterItsSwitchIsFinishedWhenTheStoreIsOpened() throws IOException {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        // What a kill leaves after TDB2 moved the compacted copy into place and before it removed the old files.
        Path storeDir = dir.resolve("store");
        copyFolder(storeDir.resolve("Data-0001"), storeDir.resolve("Data-0002"));
        Files.writeString(storeDir.resolve(TdbGraphStore.COMPACTION_DUE), "");

        store = TdbGraphStore.open(storeDir);

        assertEquals(List.of("Data-0003"), generations(), "the old generation removed, the compaction redone");
        assertEquals(Set.copyOf(names(SEEDS)), storedGraphNames());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void aCompactionKilledWhileCopyingIsRedoneWhenTheStoreIsOpened() throws IOException {
        store.load(SEEDS, LoadProgress.none());
        store.close();
        // What a kill leaves while TDB2 copies into its temporary folder.
        Path storeDir = dir.resolve("store");
        copyFolder(storeDir.resolve("Data-0001"), storeDir.resolve("Data-0002-tmp"));
        Files.writeString(storeDir.resolve(TdbGraphStore.COMPACTION_DUE), "");

        store = TdbGraphStore.open(storeDir);

        assertEquals(List.of("Data-0002"), generations());
        assertFalse(Files.exists(storeDir.resolve("Data-0002-tmp")));
        SEEDS.forEach(this::assertStored);
    }

    /** Writes one small graph per transaction until the store is due for compaction; returns how many it took. */
    private int writeUntilDue() {
        int writes = 0;
        while (!store.compactionDue()) {
            assertTrue(writes < 1000, "still not due after " + writes + " writes");
            writeOneQuad(++writes);
        }
        return writes;
    }

    private void writeOneQuad(int n) {
        Dataset dataset = store.dataset();
        dataset.executeWrite(() -> dataset.asDatasetGraph().add(NodeFactory.createURI("urn:x:graph"),
                NodeFactory.createURI("urn:x:s" + n), RDFS.label.asNode(), NodeFactory.createLiteralString("written " + n)));
    }

    private long bytesInUse() {
        return StoreSize.inUse(dir.resolve("store").resolve(generations().get(generations().size() - 1)));
    }

    /** TDB2's generations of files in the store folder, oldest first. */
    private List<String> generations() {
        try (Stream<Path> children = Files.list(dir.resolve("store"))) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("Data-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<ConvertedDocument> numbered(int count, String version) {
        return IntStream.range(0, count)
                .mapToObj(i -> TestDocuments.document("doc-" + i + ".txt", "Документ " + i + ", " + version + ".", version + " " + i))
                .toList();
    }

    private static String[] events(String kind, int count) {
        return IntStream.range(0, count).mapToObj(i -> kind + " № " + i).toArray(String[]::new);
    }

    private static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }
}
