package org.medkg.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.lucene.store.AlreadyClosedException;
import org.medkg.rdf.MKG;
import org.medkg.store.RemoteStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name index of a store held elsewhere: a {@link LuceneNameIndex} in a local temporary folder, built from the
 * store's names, and built again when the store's documents change. The remote store needs no text index of its own.
 *
 * <p>Whether the documents changed is told by a change marker the store computes in one small answer: the number of
 * documents and a digest of their graph names and sha256 (every load writes a document's sha256, see GRAPH.md). It
 * is asked every {@code checkEvery}; when it differs, a new index is built beside the one searched, which is then
 * swapped in and deleted. Until the first build a search answers {@link RemoteStoreException}; a store that does not
 * answer leaves the last index in use, and is asked again at the next check.
 *
 * <p>Fragments ({@link #entitiesContaining}) are answered by the same index, so they follow the store's documents as
 * search does: a name loaded into the store is found by a fragment once the next check has built the index again. The
 * marker is not asked for each fragment: it digests every document (60-110 ms at 10x, growing with the store), more
 * than the fragment saves. An index whose store has not confirmed it for two checks answers no fragment, and the
 * query reads every name. Dates ({@link #eventsOverlapping}) are answered likewise.
 */
public final class RemoteNameIndex implements NameIndex, DateIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteNameIndex.class);

    /** The change marker: the documents and a digest of their names and contents, in sorted order. */
    static final Query CHANGE_MARKER = QueryFactory.create("SELECT (COUNT(?document) AS ?documents) "
            + "(SHA256(GROUP_CONCAT(?document; separator=\" \")) AS ?digest) WHERE { "
            + "SELECT ?document WHERE { GRAPH ?g { ?doc <" + MKG.sha256.getURI() + "> ?sha } "
            + "BIND(CONCAT(STR(?g), \"=\", STR(?sha)) AS ?document) } ORDER BY ?document }");

    /** A built index and the marker of the store it was built from. */
    private record Built(LuceneNameIndex index, Path folder, String marker) {
    }

    private final DatasetGraph store;
    private final String storeName;
    private final AtomicReference<Built> current = new AtomicReference<>();
    private final ScheduledExecutorService checker;
    private volatile String lastProblem;
    private final Duration checkEvery;
    /** When the store last gave the marker of the index in use ({@link System#nanoTime}). */
    private volatile long confirmedAt;

    private RemoteNameIndex(DatasetGraph store, String storeName, Duration checkEvery) {
        this.store = store;
        this.storeName = storeName;
        this.checkEvery = checkEvery;
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "medkg-name-index-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts building the index of {@code store} in the background, and checks it for changes every
     * {@code checkEvery} from then on; the index is attached to {@code store} ({@link LuceneNameIndex#of}).
     *
     * @param storeName how the store is named in messages (its URL)
     */
    public static RemoteNameIndex start(DatasetGraph store, String storeName, Duration checkEvery) {
        requireNonNull(store, "store");
        requireNonNull(storeName, "storeName");
        requireNonNull(checkEvery, "checkEvery");
        RemoteNameIndex names = new RemoteNameIndex(store, storeName, checkEvery);
        LuceneNameIndex.attach(store, names);
        names.checker.scheduleWithFixedDelay(names::refresh, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return names;
    }

    /** Whether an index has been built (searches answer from then on). */
    public boolean ready() {
        return current.get() != null;
    }

    @Override
    public List<SearchHit> search(String query, int limit, AtomicBoolean cancelSignal) {
        Built built = current.get();
        if (built == null) {
            String problem = lastProblem;
            throw new RemoteStoreException("the names of the store at " + storeName + " are not indexed yet"
                    + (problem != null ? ": " + problem : ": the index is being built"));
        }
        try {
            return built.index().search(query, limit, cancelSignal);
        } catch (AlreadyClosedException swappedMeanwhile) {
            // A new index replaced this one between taking it and searching it: search the new one.
            return current.get().index().search(query, limit, cancelSignal);
        }
    }

    @Override
    public Optional<Set<String>> entitiesContaining(String fragment, AtomicBoolean cancelSignal) {
        return candidates(index -> index.entitiesContaining(fragment, cancelSignal));
    }

    @Override
    public Optional<Set<String>> eventsOverlapping(DaySpan days, AtomicBoolean cancelSignal) {
        return candidates(index -> index.eventsOverlapping(days, cancelSignal));
    }

    /** Candidates from the index in use, if the store has confirmed it lately; none otherwise. */
    private Optional<Set<String>> candidates(Function<LuceneNameIndex, Optional<Set<String>>> asked) {
        Built built = current.get();
        if (built == null || System.nanoTime() - confirmedAt > 2 * checkEvery.toNanos()) {
            return Optional.empty();
        }
        try {
            return asked.apply(built.index());
        } catch (AlreadyClosedException swappedMeanwhile) {
            return asked.apply(current.get().index());
        }
    }

    /** Asks the store's change marker and, if it changed, builds the index again; never throws. */
    void refresh() {
        try {
            String marker = changeMarker();
            Built built = current.get();
            if (built != null && built.marker().equals(marker)) {
                confirmedAt = System.nanoTime();
                return;
            }
            long start = System.nanoTime();
            Built fresh = build(marker);
            Built old = current.getAndSet(fresh);
            confirmedAt = System.nanoTime();
            if (old != null) {
                discard(old);
            }
            if (lastProblem != null) {
                LOG.warn("the store at {} answers again", storeName);
            }
            lastProblem = null;
            LOG.info("name index built from the store at {} in {} ms", storeName,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException e) {
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            // Said once per problem, not at every check while the store is down.
            if (!problem.equals(lastProblem)) {
                LOG.warn("cannot refresh the name index: {}", problem);
            }
            lastProblem = problem;
        }
    }

    private String changeMarker() {
        try (QueryExec exec = QueryExec.dataset(store).query(CHANGE_MARKER).build()) {
            Binding row = exec.select().next();
            return row.get("documents").getLiteralLexicalForm() + " "
                    + (row.get("digest") == null ? "" : row.get("digest").getLiteralLexicalForm());
        }
    }

    private Built build(String marker) {
        Path folder;
        try {
            folder = Files.createTempDirectory("medkg-names-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the name index", e);
        }
        try {
            // A view with a context of its own: opening the index marks the dataset it is given, not the store.
            LuceneNameIndex index = LuceneNameIndex.open(folder, new DatasetGraphWrapper(store, new Context()));
            return new Built(index, folder, marker);
        } catch (RuntimeException e) {
            deleteFolder(folder);
            throw e;
        }
    }

    private static void discard(Built built) {
        built.index().close();
        deleteFolder(built.folder());
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", folder, e.getMessage());
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Built built = current.getAndSet(null);
        if (built != null) {
            discard(built);
        }
    }

    @Override
    public String toString() {
        return "names of " + storeName + (Objects.isNull(current.get()) ? " (not built yet)" : "");
    }
}
