package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.rdf.MKG;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.NameIndex;
import org.medkg.store.StoredGraph.Outcome;

/**
 * A TDB2 database in a folder: the one class that opens its transactions.
 *
 * <p>TDB2 never overwrites a block: each write transaction copies the blocks it touches, and the old copies stay in
 * the files until compaction. Measured on this project: replacing 2,000 graphs one transaction each grew a 305 MB
 * store to 27 GB; 100 graphs per transaction left 2.9 GB; compaction brought it back to 314 MB. So a load replaces
 * {@value #GRAPHS_PER_TRANSACTION} graphs per write transaction, and compacts the store after any load that wrote
 * something (a load that finds every document unchanged writes nothing and leaves the store alone).
 *
 * <p>Compaction waits until no transaction is active and, with Jena 5.6, can wait forever while another thread
 * keeps reading through {@link #dataset()} (seen here: a reader thread in a loop of read transactions left
 * {@code DatabaseMgr.compact} blocked for minutes). A store that is served while it loads should be opened with
 * {@link Compaction#ON_REQUEST} and compacted when the server is quiet.
 *
 * <p>Each graph is removed and re-added inside one transaction, so a reader (a read transaction, e.g. a query in
 * Fuseki serving {@link #dataset()}) sees the old graph or the new one, never a mix.
 *
 * <p>The store keeps a name index ({@link #names()}) in its folder, under {@value LuceneNameIndex#FOLDER}. Every
 * write, the store's own loads as well as SPARQL Update and Graph Store writes to a server serving
 * {@link #dataset()}, goes through the index's dataset wrapper, so the index follows each transaction.
 */
public final class TdbGraphStore implements GraphStore {

    static final int GRAPHS_PER_TRANSACTION = 100;

    /** When the store drops the blocks that write transactions leave behind. */
    public enum Compaction {
        /** After every load that added or replaced a graph. */
        AFTER_CHANGES,
        /** Only when {@link #compact()} is called. */
        ON_REQUEST
    }

    /** The TDB2 database itself: for compaction and closing only; writes go through {@link #database}. */
    private final DatasetGraph tdb;
    private final LuceneNameIndex names;
    /** The database as the name index wraps it. */
    private final DatasetGraph database;
    private final Compaction compaction;

    private TdbGraphStore(DatasetGraph tdb, LuceneNameIndex names, Compaction compaction) {
        this.tdb = tdb;
        this.names = names;
        this.database = names.dataset();
        this.compaction = compaction;
    }

    /** Opens the database in {@code dir} (created if missing), compacting after every load that changed it. */
    public static TdbGraphStore open(Path dir) {
        return open(dir, Compaction.AFTER_CHANGES);
    }

    /** Opens the database in {@code dir}, creating the folder and an empty database if there is none. */
    public static TdbGraphStore open(Path dir, Compaction compaction) {
        requireNonNull(dir, "dir");
        requireNonNull(compaction, "compaction");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store folder " + dir, e);
        }
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        return new TdbGraphStore(tdb, LuceneNameIndex.open(dir.resolve(LuceneNameIndex.FOLDER), tdb), compaction);
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

    @Override
    public LoadReport load(List<ConvertedDocument> documents, LoadProgress progress) {
        LoadRun run = new LoadRun(documents, progress);
        List<ConvertedDocument> toStore = run.documentsToStore();
        for (int from = 0; from < toStore.size(); from += GRAPHS_PER_TRANSACTION) {
            storeBatch(toStore.subList(from, Math.min(from + GRAPHS_PER_TRANSACTION, toStore.size())), run);
        }
        LoadReport report = run.report();
        if (report.changedStore() && compaction == Compaction.AFTER_CHANGES) {
            compact();
        }
        return report;
    }

    /** Drops the blocks that earlier transactions left behind; readers and the dataset stay usable. */
    public void compact() {
        DatabaseMgr.compact(tdb, true);
    }

    /** Releases the database (its files and lock), so another process can open it. */
    @Override
    public void close() {
        TDBInternal.expel(tdb);
        names.close();
    }

    private void storeBatch(List<ConvertedDocument> batch, LoadRun run) {
        List<Outcome> outcomes;
        try {
            outcomes = database.calculateWrite(() -> batch.stream().map(document -> store(document, run)).toList());
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
            run.record(document, database.calculateWrite(() -> store(document, run)));
        } catch (RuntimeException e) {
            run.fail(document, e);
        }
    }

    /** Inside a write transaction: replaces the document's graph unless the stored one has its sha256. */
    private Outcome store(ConvertedDocument document, LoadRun run) {
        Node graphName = NodeFactory.createURI(document.graphIri());
        Outcome outcome = storedGraph(graphName).outcomeOfStoring(document);
        if (outcome != Outcome.UNCHANGED) {
            database.removeGraph(graphName);
            document.graph().find().forEachRemaining(triple -> database.add(new Quad(graphName, triple)));
        }
        run.dealtWith(document);
        return outcome;
    }

    private StoredGraph storedGraph(Node graphName) {
        Iterator<Quad> shas = database.find(graphName, Node.ANY, MKG.sha256, Node.ANY);
        if (shas.hasNext()) {
            return new StoredGraph(true, shas.next().getObject().getLiteralLexicalForm());
        }
        return database.containsGraph(graphName) ? new StoredGraph(true, null) : StoredGraph.ABSENT;
    }
}
