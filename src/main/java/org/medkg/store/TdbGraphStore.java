package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.MKG;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.NameIndex;
import org.medkg.store.StoredGraph.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TDB2 database in a folder: the one class that opens its transactions.
 *
 * <p>TDB2 never overwrites a block: each write transaction copies the blocks it touches, and the old copies stay in
 * the files until compaction. Measured on this project: replacing 2,000 graphs one transaction each grew a 305 MB
 * store to 27 GB; 100 graphs per transaction left 2.9 GB; compaction brought it back to 314 MB. So a load into an
 * empty store is one transaction, a load into a store that holds graphs stores {@value #GRAPHS_PER_TRANSACTION}
 * graphs per write transaction, and the store is compacted when its
 * {@link CompactionPolicy} says it holds too much garbage: checked after each transaction of a load, at its end, when
 * the store is opened, and for a served store ({@link #compactInBackground}) once HTTP writes have stopped for a
 * moment.
 *
 * <p>That the store is due for compaction is kept on disk (the file {@value #COMPACTION_DUE}, made as soon as it is
 * due and removed by the compaction), so a compaction that a kill interrupted, or never started, is done when the
 * store is next opened. A kill after TDB2 switched to the compacted files but before it removed the old ones leaves
 * an old generation of files ({@code Data-NNNN}) that TDB2 no longer reads: opening the store removes it.
 *
 * <p>Each graph is removed and re-added inside one transaction, so a reader (a read transaction, e.g. a query in
 * Fuseki serving {@link #dataset()}) sees the old graph or the new one, never a mix. Every transaction passes the
 * store's {@link TransactionGate}, which compaction closes while it runs.
 *
 * <p>The store keeps a name index ({@link #names()}) in its folder, under {@value LuceneNameIndex#FOLDER}, committed
 * with each transaction. A load, and a Graph Store PUT to a server serving {@link #dataset()} (which finds this
 * store's {@link GraphReplacement} in the dataset's context), write only the difference between a stored graph and
 * its new one, and tell the index of each quad they add or delete. Other writes (SPARQL Update, Graph Store POST
 * and DELETE) go through the index's dataset wrapper, which indexes each quad it writes. Compaction copies the quads
 * and leaves the index as it is, which still matches them.
 *
 * <p>Every write also tells the store's {@link ChangeLog} the quads it added and deleted (those written through the
 * name index's dataset are told by it), so that a server can keep an answer across the writes that changed nothing it
 * read ({@link VersionedStore#unchangedFor}). A first load tells none: every answer is computed again after it.
 */
public final class TdbGraphStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(TdbGraphStore.class);

    /**
     * Graphs per write transaction: a window of the converter. Larger transactions leave less garbage (a block
     * touched by many documents is copied once) and commit less often; a kill loses at most the one under way.
     */
    static final int GRAPHS_PER_TRANSACTION = Converter.DOCUMENTS_PER_WINDOW;
    /** The file that says the store is due for compaction. */
    static final String COMPACTION_DUE = "compaction-due";
    /** How long a compaction holds up new transactions while it waits for the open ones to end, each try. */
    private static final Duration COMPACTION_PATIENCE = Duration.ofSeconds(1);
    /**
     * How long a compaction that found transactions open first waits before it tries again; the wait doubles each
     * time up to {@link #COMPACTION_RETRY_AT_MOST}, so a long download is held up now and then, not every few seconds.
     */
    private static final Duration COMPACTION_RETRY = Duration.ofSeconds(2);
    private static final Duration COMPACTION_RETRY_AT_MOST = Duration.ofMinutes(1);
    private static final Pattern GENERATION = Pattern.compile("Data-\\d+");

    private final Path dir;
    /** The TDB2 database itself: for compaction and closing only; transactions go through {@link #database}. */
    private final DatasetGraph tdb;
    private final LuceneNameIndex names;
    /** The quads each write changed, for answers that may outlive a write that did not touch them. */
    private final ChangeLog changes;
    /** The database as the name index wraps it, behind the gate. */
    private final TransactionGate database;
    private final Object compacting = new Object();
    private final CompactionPolicy policy;
    private volatile boolean compactionDue;
    /** Compacts a served store once writes stop; null until {@link #compactInBackground} is called. */
    private volatile QuietCompaction background;

    private TdbGraphStore(Path dir, DatasetGraph tdb, LuceneNameIndex names, ChangeLog changes) {
        this.dir = dir;
        this.tdb = tdb;
        this.names = names;
        this.changes = changes;
        this.database = new TransactionGate(names.dataset(), changes, this::written);
        this.policy = CompactionPolicy.of(dir);
        this.compactionDue = Files.exists(dir.resolve(COMPACTION_DUE)) || policy.due(bytesInUse());
        GraphReplacement.register(database, this::replaceServed);
    }

    /**
     * Opens the database in {@code dir}, creating the folder and an empty database if there is none, and finishes
     * what an interrupted compaction left: its old generation of files is removed, and a store due for compaction
     * is compacted now.
     *
     * @throws StoreInUseException when another process has the store open
     */
    public static TdbGraphStore open(Path dir) {
        requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store folder " + dir, e);
        }
        DatasetGraph tdb = StoreInUseException.whenFree(dir, () -> DatabaseMgr.connectDatasetGraph(Location.create(dir)));
        removeOldGenerations(dir);
        // what writes through the name index's dataset change is told by it; what this class writes to TDB2 itself
        // it tells (replaceGraph, FirstLoad)
        ChangeLog changes = new ChangeLog();
        TdbGraphStore store = new TdbGraphStore(dir, tdb,
                LuceneNameIndex.open(dir.resolve(LuceneNameIndex.FOLDER), tdb, changes::changed), changes);
        store.compactIfDue();
        return store;
    }

    /**
     * The database, for queries and serving (it answers {@code text:query} too); valid until {@link #close()}.
     * Use transactions to read it.
     */
    public Dataset dataset() {
        return DatasetFactory.wrap(database);
    }

    /** Finds entities by name; follows every committed write. Valid until {@link #close()}. */
    public NameIndex names() {
        return names;
    }

    /**
     * Starts a load. Into a store that holds no graph yet, the whole load is one write transaction ({@link
     * FirstLoad}); otherwise each window is stored {@value #GRAPHS_PER_TRANSACTION} graphs per transaction, and the
     * store is compacted if it is due after each; so it is at the end, even if the load changed nothing.
     */
    @Override
    public Loading startLoad(int total, LoadProgress progress) {
        LoadRun run = new LoadRun(total, progress);
        if (database.calculateRead(() -> !database.listGraphNodes().hasNext())) {
            return new FirstLoad(run);
        }
        return new Loading() {
            @Override
            public void store(List<ConvertedDocument> window) {
                for (List<ConvertedDocument> batch : run.batchesToStore(window, GRAPHS_PER_TRANSACTION)) {
                    storeBatch(batch, run);
                    compactIfDue();
                }
            }

            @Override
            public LoadReport finish() {
                compactIfDue();
                return run.report();
            }
        };
    }

    /**
     * A load into an empty store, in one write transaction over all its windows, committed by {@link #finish}. TDB2
     * copies a block once per transaction that touches it, and a window's documents touch blocks all over the
     * indexes (their people, cities and classes are everyone's): measured at 100 copies of the corpus, windows of
     * 500 documents doubled the store twice and compacted it twice during the load, 84 s of its 192 s. One
     * transaction writes each block once, and leaves nothing to compact. A kill loses the load, but nothing that was
     * stored before it: there was nothing.
     */
    private final class FirstLoad implements Loading {
        private final LoadRun run;
        /** The graphs stored, whose outcome is final once the transaction commits. */
        private final List<String> added = new ArrayList<>();
        /**
         * Names are indexed on a thread of their own while the next windows go to TDB2: the name index's analysis
         * and Lucene were a third of a first load's time at 100× (77 s with it, 53 s without), on one thread while
         * the other core parsed. Lucene's writer takes documents from any thread; the commit waits for them all.
         */
        private final ExecutorService indexing = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "medkg-names");
            thread.setDaemon(true);
            return thread;
        });
        private final List<Future<?>> indexed = new ArrayList<>();
        private boolean open;
        private SplitIndexAdds adds;
        /** Used on the names' thread only. */
        private final Consumer<Quad> indexNames = names.addedToEmptyStore();

        FirstLoad(LoadRun run) {
            this.run = run;
        }

        @Override
        public void store(List<ConvertedDocument> window) {
            if (!open) {
                database.begin(TxnType.WRITE);
                open = true;
                // millions of quads: no answer is kept across it
                changes.unknown();
                adds = SplitIndexAdds.begin(tdb);
            }
            List<Quad> written = new ArrayList<>();
            for (ConvertedDocument document : run.documentsToStore(window)) {
                Node graphName = NodeFactory.createURI(document.graphIri());
                List<Quad> quads = new ArrayList<>(document.graph().size());
                try {
                    document.graph().find().forEachRemaining(triple -> {
                        Quad quad = new Quad(graphName, triple);
                        adds.add(quad);
                        quads.add(quad);
                    });
                } catch (RuntimeException e) {
                    // what the document wrote goes, the others' stays: the store holds no graph but this load's
                    adds.finish();
                    replaceGraph(graphName, Graph.emptyGraph, true);
                    run.fail(document, e);
                    continue;
                }
                written.addAll(quads);
                added.add(document.graphIri());
                run.dealtWith(document);
            }
            indexed.removeIf(Future::isDone);
            indexed.add(indexing.submit(() -> written.forEach(indexNames)));
        }

        @Override
        public LoadReport finish() {
            if (open) {
                indexed.forEach(OverlappedLoading::result);
                adds.finish();
                adds.close();
                policy.added(added.size());
                database.commit();
                database.end();
                open = false;
                added.forEach(graph -> run.record(graph, Outcome.ADDED));
            }
            indexing.shutdown();
            compactIfDue();
            return run.report();
        }

        @Override
        public void close() {
            // Names being indexed are let finish, not interrupted: an interrupt in Lucene's file I/O closes its
            // channel and breaks the writer; the abort then drops them with the rest.
            indexing.shutdown();
            for (Future<?> task : indexed) {
                try {
                    OverlappedLoading.result(task);
                } catch (RuntimeException failed) {
                    // the load is dropped anyway
                }
            }
            if (open) {
                adds.close();
                database.abort();
                database.end();
                open = false;
            }
        }
    }

    /**
     * From now on, compacts in a background thread once writes have stopped for {@code quiet}, or for three times as
     * long as the last compaction took if that is longer: for a store that is served while clients write to it (a
     * {@code load --endpoint} is a run of Graph Store writes, one transaction each). Readers wait while it runs.
     */
    public void compactInBackground(Duration quiet) {
        requireNonNull(quiet, "quiet");
        background = new QuietCompaction(quiet, this::compactIfDue);
        if (compactionDue) {
            background.written();
        }
    }

    /** Whether the store is due for compaction (see {@link CompactionPolicy}). */
    public boolean compactionDue() {
        return compactionDue;
    }

    /** Drops the blocks that earlier transactions left behind, if there are enough of them to be worth it. */
    public void compactIfDue() {
        synchronized (compacting) {
            if (!policy.hasBaseline()) {
                takeBaseline();
            }
            if (!compactionDue) {
                return;
            }
            try {
                Duration retry = COMPACTION_RETRY;
                while (!database.whenClosed(COMPACTION_PATIENCE, this::compactNow)) {
                    LOG.info("compaction waits {} s for long transactions to end", retry.toSeconds());
                    Thread.sleep(retry.toMillis());
                    retry = retry.multipliedBy(2).compareTo(COMPACTION_RETRY_AT_MOST) < 0 ? retry.multipliedBy(2)
                            : COMPACTION_RETRY_AT_MOST;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Releases the database (its files and lock), so another process can open it. */
    @Override
    public void close() {
        QuietCompaction running = background;
        if (running != null) {
            running.close();
        }
        TDBInternal.expel(tdb);
        names.close();
    }

    /** With the gate closed: no transaction is open. */
    private void compactNow() {
        long began = System.nanoTime();
        long before = bytesInUse();
        DatabaseMgr.compact(tdb, true);
        long after = bytesInUse();
        policy.compacted(after, tdb.calculateRead(() -> Iter.count(tdb.listGraphNodes())));
        compactionDue = false;
        try {
            Files.deleteIfExists(dir.resolve(COMPACTION_DUE));
        } catch (IOException e) {
            LOG.warn("cannot remove {}: the store will be compacted again: {}", dir.resolve(COMPACTION_DUE), e.toString());
        }
        LOG.info("compacted the store {} from {} MB to {} MB in {} ms", dir, before / 1_000_000, after / 1_000_000,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** A store with no figures from a compaction takes its size now as its compacted size. */
    private void takeBaseline() {
        long graphs = database.calculateRead(() -> Iter.count(database.listGraphNodes()));
        if (graphs > 0) {
            policy.compacted(bytesInUse(), graphs);
        }
    }

    /** The bytes the store's current files hold, garbage included (the name index aside). */
    private long bytesInUse() {
        return StoreSize.inUse(DatabaseOps.findStorageLocation(dir));
    }

    /** After each write transaction: remember, on disk too, that compaction is due once it is. */
    private void written() {
        if (!compactionDue && policy.due(bytesInUse())) {
            compactionDue = true;
            try {
                Files.writeString(dir.resolve(COMPACTION_DUE),
                        "due for compaction; medkg compacts when it next opens or loads this store\n");
            } catch (IOException e) {
                LOG.warn("cannot write {}: a compaction cut short may not be redone: {}", dir.resolve(COMPACTION_DUE),
                        e.toString());
            }
        }
        QuietCompaction running = background;
        if (running != null) {
            running.written();
        }
    }

    /** Removes the generations of files that TDB2 no longer reads: all but the newest {@code Data-NNNN}. */
    private static void removeOldGenerations(Path dir) {
        Path current = DatabaseOps.findStorageLocation(dir);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path old : children.filter(child -> Files.isDirectory(child) && !child.equals(current)
                    && GENERATION.matcher(child.getFileName().toString()).matches()).toList()) {
                LOG.info("removing {}, left by a compaction that was interrupted", old);
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the store folder " + dir, e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void storeBatch(List<ConvertedDocument> batch, LoadRun run) {
        List<Outcome> outcomes;
        try {
            outcomes = database.calculateWrite(() -> {
                List<Outcome> stored = batch.stream().map(document -> store(document, run)).toList();
                // before the commit, whose check for garbage must not take the new graphs for it
                policy.added((int) stored.stream().filter(outcome -> outcome == Outcome.ADDED).count());
                return stored;
            });
        } catch (RuntimeException batchFailure) {
            // The transaction was aborted, so none of the batch is stored: store its documents one per
            // transaction, to keep all but the ones that fail.
            batch.forEach(document -> storeAlone(document, run));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            run.record(batch.get(i), outcomes.get(i));
        }
    }

    private void storeAlone(ConvertedDocument document, LoadRun run) {
        try {
            run.record(document, database.calculateWrite(() -> {
                Outcome outcome = store(document, run);
                policy.added(outcome == Outcome.ADDED ? 1 : 0);
                return outcome;
            }));
        } catch (RuntimeException e) {
            run.fail(document, e);
        }
    }

    /** Inside a write transaction: replaces the document's graph unless the stored one has its sha256. */
    private Outcome store(ConvertedDocument document, LoadRun run) {
        Node graphName = NodeFactory.createURI(document.graphIri());
        Outcome outcome = storedGraph(graphName).outcomeOfStoring(document);
        if (outcome != Outcome.UNCHANGED) {
            replaceGraph(graphName, document.graph(), outcome == Outcome.REPLACED);
        }
        run.dealtWith(document);
        return outcome;
    }

    /**
     * Inside a write transaction opened by a Graph Store PUT: the graph replaced as a load replaces a document's,
     * and a new graph counted, as a load counts its new documents, so that the compaction policy does not take a
     * store grown by documents written over HTTP for one full of garbage.
     */
    private boolean replaceServed(Node graphName, Graph graph) {
        boolean existed = replaceGraph(graphName, graph, true);
        policy.added(existed ? 0 : 1);
        return existed;
    }

    /**
     * Inside a write transaction: makes the stored graph {@code graph} by writing only what differs, since a changed
     * document keeps most of its triples, and every quad written costs TDB2 index updates and copied blocks, and a
     * name a Lucene update. The quads go to TDB2 itself and their names to the index, because the difference
     * already says which quads are new, which the index's wrapper would ask TDB2 again quad by quad. Deletions go
     * first, so that a quad whose stored form differs from the new one (TDB2 keeps some literals as values) is
     * deleted and then written, never the other way round.
     *
     * @param stored whether the graph may be stored already (if not, it is not looked for)
     * @return whether the store held any quad of the graph
     */
    private boolean replaceGraph(Node graphName, Graph graph, boolean stored) {
        Set<Triple> gone = new HashSet<>();
        if (stored) {
            tdb.find(graphName, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quad -> gone.add(quad.asTriple()));
        }
        boolean existed = !gone.isEmpty();
        List<Quad> added = new ArrayList<>();
        graph.find().forEachRemaining(triple -> {
            if (!gone.remove(triple)) {
                added.add(new Quad(graphName, triple));
            }
        });
        for (Triple triple : gone) {
            Quad quad = new Quad(graphName, triple);
            tdb.delete(quad);
            names.deleted(quad);
            changes.changed(quad);
        }
        for (Quad quad : added) {
            tdb.add(quad);
            names.added(quad);
            changes.changed(quad);
        }
        return existed;
    }

    private StoredGraph storedGraph(Node graphName) {
        Iterator<Quad> shas = database.find(graphName, Node.ANY, MKG.sha256, Node.ANY);
        if (shas.hasNext()) {
            return new StoredGraph(true, shas.next().getObject().getLiteralLexicalForm());
        }
        return database.containsGraph(graphName) ? new StoredGraph(true, null) : StoredGraph.ABSENT;
    }
}
