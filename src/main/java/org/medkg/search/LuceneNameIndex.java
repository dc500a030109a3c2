package org.medkg.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.medkg.rdf.MKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name index of a store, which also holds its events' dates (below): a Lucene index (jena-text) of every
 * {@code rdfs:label}, {@code skos:altLabel} and {@code skos:prefLabel}, one Lucene document per (entity, predicate,
 * name) however many graphs state it, analyzed by {@link NameAnalyzer}. A person's name is stated again by every
 * document that names them: one Lucene document per graph made 3.8 per distinct name in the first 2.7 M quads of the
 * 1,000x corpus, each analyzed and inverted.
 *
 * <p>The index is kept by the store's own transactions: every write must go through {@link #dataset()}, the
 * store wrapped by jena-text, whose changes medkg's producer ({@link NameChanges}) turns into index changes: a name
 * is indexed when a first graph states it and removed when no graph states it any more (each Lucene document
 * carries a uid of its triple), and the index commits with the TDB2 transaction. The same dataset answers
 * {@code text:query} in SPARQL, across all graphs. An index that is missing or empty while the store holds names
 * (a store made before there was search), or of an older layout, is built from the store when opened.
 *
 * <p>Search: every word of the query must match a word of the name; the last word may also be the beginning of
 * one ({@code Клодз} finds Клодзинский). Hits are whole entities, best first, each with the name that matched
 * best.
 *
 * <p>Fragments ({@link #entitiesContaining}): each Lucene document also holds the {@link NameGrams} of its name, and
 * its entity as a doc value, added as jena-text makes the document, so every write path that keeps the words keeps
 * the grams.
 *
 * <p>Dates ({@link #eventsOverlapping}): the same index holds one Lucene document per event with a start date, its
 * days ({@link DaySpan}) as a two-dimensional point (first day, last day), so that the events overlapping a span are
 * one range of Lucene's points. The events whose dates a write transaction changed, by any write path, are noted and
 * indexed again from the store (all its graphs) as the transaction commits, before the index commits with it.
 */
public final class LuceneNameIndex implements NameIndex, DateIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneNameIndex.class);

    /** Where the index lives inside the store's folder (TDB2 only looks at its own Data-NNNN folders). */
    public static final String FOLDER = "text-index";
    /** The predicates whose values are names. */
    public static final List<Node> NAME_PREDICATES =
            List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), SKOS.prefLabel.asNode());

    /** How much Lucene holds of new names before it writes them out as a segment (a commit writes them anyway). */
    private static final double RAM_BUFFER_MB = 64;
    /** Distinct names whose analysis is kept for the next document that states them (a few MB). */
    private static final int REMEMBERED_NAMES = 20_000;

    static final String ENTITY_FIELD = "iri";
    static final String NAME_FIELD = "name";
    /** A field of the older layout, one Lucene document per graph: an index that has it is indexed again. */
    private static final String OLD_GRAPH_FIELD = "graph";
    static final String LANGUAGE_FIELD = "lang";
    static final String UID_FIELD = "uid";
    /** The name's trigrams, one term each. */
    static final String GRAM_FIELD = "gram";
    /** The entity again, as a doc value: read for every hit of a fragment, which stored fields would make slow. */
    static final String ENTITY_KEY_FIELD = "entity";
    /** An event's days, as the point (first day, last day) in days since 1970-01-01. */
    static final String DAYS_FIELD = "days";
    /** The event of a days document, as a term: the document is replaced by it when the event's dates change. */
    static final String DATED_FIELD = "dated";
    /** The predicates whose values are an event's dates. */
    private static final List<Node> DATE_PREDICATES = List.of(MKG.startDate, MKG.endDate);
    /**
     * A fragment's grams asked at most; more only narrow what the query's {@code CONTAINS} checks anyway, and
     * Lucene refuses over 1,024 clauses.
     */
    private static final int MAX_GRAMS = 32;
    /** A prefix shorter than this would match half the index. */
    static final int MIN_PREFIX = 3;
    /** How much more a whole word counts than a word that only begins like the query's last word. */
    private static final float WHOLE_WORD_BOOST = 2f;
    private static final Symbol CONTEXT_KEY = Symbol.create("https://w3id.org/medkg/ontology#nameIndex");

    /** The store as every write must reach it: wrapped by jena-text, whose changes {@link NameChanges} indexes. */
    private final DatasetGraph dataset;
    private final DatasetGraph store;
    private final GramIndex index;
    private final Directory directory;
    /** Opened by the first search: a load, which never searches, need not read the index. */
    private SearcherManager searchers;
    private final Analyzer analyzer;

    private LuceneNameIndex(DatasetGraph store, GramIndex index, Directory directory, Analyzer analyzer,
                            Consumer<Quad> written) {
        this.store = store;
        this.index = index;
        this.directory = directory;
        this.analyzer = analyzer;
        this.dataset = TextDatasetFactory.create(store, index, true, new NameChanges(this, written));
    }

    /**
     * Opens (or creates) the index in {@code folder} over {@code store}, building it from the store when it is
     * empty and the store is not. Write to the store only through {@link #dataset()} from now on.
     */
    public static LuceneNameIndex open(Path folder, DatasetGraph store) {
        return open(folder, store, quad -> { });
    }

    /**
     * As {@link #open(Path, DatasetGraph)}, telling {@code written} of every quad added to or deleted from the store
     * through {@link #dataset()}, inside the write transaction, as the index is told of it.
     */
    public static LuceneNameIndex open(Path folder, DatasetGraph store, Consumer<Quad> written) {
        requireNonNull(folder, "folder");
        requireNonNull(store, "store");
        requireNonNull(written, "written");
        Analyzer analyzer = new NameAnalyzer();
        EntityDefinition definition = new EntityDefinition(ENTITY_FIELD, NAME_FIELD);
        NAME_PREDICATES.forEach(predicate -> definition.set(NAME_FIELD, predicate));
        definition.setLangField(LANGUAGE_FIELD);
        definition.setUidField(UID_FIELD);
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setAnalyzer(new MemoizedAnalyzer(analyzer, REMEMBERED_NAMES));
        config.setQueryAnalyzer(analyzer);
        config.setValueStored(true);
        try {
            Directory directory = FSDirectory.open(folder);
            GramIndex index = new GramIndex(directory, config, store);
            // the writer that jena-text has just opened knows what the index holds: no reader needed
            IndexWriter writer = index.getIndexWriter();
            // with Lucene's 16 MB, a first load flushes segments often, and each flush compresses stored fields anew:
            // by hand, a load of the 1,000x N-Quads spent 24 s in the JIT compiler and 332 s of CPU, 17 s and 304 s
            // with 64 MB
            writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
            LuceneNameIndex names = new LuceneNameIndex(store, index, directory, analyzer, written);
            boolean datesIndexed = writer.getFieldNames().contains(DAYS_FIELD);
            if (writer.getDocStats().numDocs == 0) {
                names.build();
            } else if (!writer.getFieldNames().contains(ENTITY_KEY_FIELD)
                    || writer.getFieldNames().contains(OLD_GRAPH_FIELD)) {
                LOG.info("indexing the names of the store again, each name once, with the trigrams of fragment "
                        + "searches: {}", folder);
                writer.deleteAll();
                datesIndexed = false;
                names.build();
            }
            // an index made before dates were indexed (or of a store without events, where this reads nothing)
            if (!datesIndexed) {
                names.buildDates();
            }
            // Found again by the web site (of) and by text:query in SPARQL, whatever wraps the dataset.
            names.dataset.getContext().set(CONTEXT_KEY, names);
            names.dataset.getContext().set(TextQuery.textIndex, index);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the name index in " + folder, e);
        }
    }

    /** The name index of a dataset opened by {@link #open} or given one by {@link #attach}, if it has one. */
    public static Optional<NameIndex> of(DatasetGraph dataset) {
        return Optional.ofNullable(dataset.getContext().get(CONTEXT_KEY));
    }

    /** Makes {@code index} the one {@link #of} finds for {@code dataset}: for a store whose names are indexed apart. */
    public static void attach(DatasetGraph dataset, NameIndex index) {
        dataset.getContext().set(CONTEXT_KEY, requireNonNull(index, "index"));
    }

    /** The store wrapped so that every change to it keeps the index right. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /**
     * Keeps the index right for a quad added to the store itself rather than through {@link #dataset()}, inside a
     * write transaction begun on {@link #dataset()} (whose commit commits the index too): for a writer that knows
     * which quads are new, so that nothing asks again, as the wrapper does, whether each was already there. A name
     * that another graph states is indexed already.
     */
    public void added(Quad quad) {
        noteDates(quad);
        Entity entity = entityOf(quad);
        if (entity != null && !statedInAnotherGraph(quad)) {
            index.addEntity(entity);
        }
    }

    /** As {@link #added}, for a quad that was in the store and has been deleted from it. */
    public void deleted(Quad quad) {
        noteDates(quad);
        Entity entity = entityOf(quad);
        if (entity != null && !statedInAnotherGraph(quad)) {
            index.deleteEntity(entity);
        }
    }

    /**
     * Indexes the names of quads added to a store that held none before this write transaction, from any one thread
     * (not necessarily the transaction's: it does not read the store): each distinct name once, as {@link #added}
     * would.
     */
    public Consumer<Quad> addedToEmptyStore() {
        Set<Triple> indexed = new HashSet<>();
        return quad -> {
            noteDates(quad);
            // a name stated again is dropped before its Lucene entity is made
            if (NAME_PREDICATES.contains(quad.getPredicate()) && indexed.add(quad.asTriple())) {
                Entity entity = entityOf(quad);
                if (entity != null) {
                    index.addEntity(entity);
                }
            }
        };
    }

    /** Notes the event of a date quad, whose days are indexed again as the transaction commits. */
    private void noteDates(Quad quad) {
        if (DATE_PREDICATES.contains(quad.getPredicate())) {
            index.redated.add(quad.getSubject());
        }
    }

    /** The name's Lucene entity, whichever graph states it; null when the quad states no name. */
    private Entity entityOf(Quad quad) {
        return TextQueryFuncs.entityFromQuad(index.getDocDef(), null, quad.getSubject(), quad.getPredicate(),
                quad.getObject());
    }

    /** Whether a graph other than the quad's (the default graph included) holds its triple. */
    private boolean statedInAnotherGraph(Quad quad) {
        Iterator<Quad> same = store.find(Node.ANY, quad.getSubject(), quad.getPredicate(), quad.getObject());
        while (same.hasNext()) {
            if (!same.next().getGraph().equals(quad.getGraph())) {
                return true;
            }
        }
        return false;
    }

    /** Indexes every name in the store, each once. */
    private void build() {
        Consumer<Quad> names = addedToEmptyStore();
        Txn.executeRead(store, () -> NAME_PREDICATES.forEach(predicate ->
                store.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(names)));
        index.prepareCommit();
        index.commit();
    }

    /** Indexes the days of every event in the store, read in one pass over its dates. */
    private void buildDates() {
        Txn.executeRead(store, () -> {
            Map<Node, EventDays> events = new LinkedHashMap<>();
            DATE_PREDICATES.forEach(predicate -> store.find(Node.ANY, Node.ANY, predicate, Node.ANY)
                    .forEachRemaining(quad -> events.computeIfAbsent(quad.getSubject(), event -> new EventDays())
                            .add(quad)));
            events.forEach((event, days) -> index.indexDays(event, days.days()));
            long started = events.values().stream().filter(days -> days.days() != null).count();
            if (started > 0) {
                LOG.info("indexed the dates of the store's {} events", started);
            }
        });
        index.prepareCommit();
        index.commit();
    }

    @Override
    public List<SearchHit> search(String query, int limit, AtomicBoolean cancelSignal) {
        requireNonNull(query, "query");
        requireNonNull(cancelSignal, "cancelSignal");
        List<List<String>> words = analyze(query);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        boolean lastWordComplete = !Character.isLetterOrDigit(query.codePointBefore(query.length()));
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            all.add(last && !lastWordComplete ? wordOrPrefix(words.get(i)) : word(words.get(i)), Occur.MUST);
        }
        try {
            SearcherManager searchers = searchers();
            searchers.maybeRefresh();
            IndexSearcher shared = searchers.acquire();
            try {
                // A searcher of its own, since the time-out is the searcher's; a searcher is cheap, the reader is shared.
                IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
                searcher.setTimeout(cancelSignal::get);
                return bestPerEntity(searcher, all.build(), limit, isCyrillic(query), cancelSignal);
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("name search failed for: " + query, e);
        }
    }

    /**
     * The entities of every document whose name holds all the fragment's trigrams (at most {@value #MAX_GRAMS} of
     * them), each once. Read from the doc values of the matching documents, segment by segment.
     */
    @Override
    public Optional<Set<String>> entitiesContaining(String fragment, AtomicBoolean cancelSignal) {
        requireNonNull(cancelSignal, "cancelSignal");
        Set<String> grams = NameGrams.of(fragment);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        grams.stream().limit(MAX_GRAMS).forEach(gram -> all.add(new TermQuery(new Term(GRAM_FIELD, gram)), Occur.FILTER));
        return entitiesMatching(all.build(), cancelSignal, "fragment search failed for: " + fragment);
    }

    /** The events whose point (first day, last day) has its first day by the span's last, its last from the first. */
    @Override
    public Optional<Set<String>> eventsOverlapping(DaySpan days, AtomicBoolean cancelSignal) {
        requireNonNull(days, "days");
        requireNonNull(cancelSignal, "cancelSignal");
        Query overlapping = LongPoint.newRangeQuery(DAYS_FIELD, new long[] {Long.MIN_VALUE, days.firstDay()},
                new long[] {days.lastDay(), Long.MAX_VALUE});
        return entitiesMatching(overlapping, cancelSignal, "date search failed for: " + days);
    }

    /** The entity keys of the documents that match, each once; empty when {@link #addEntities} cannot answer. */
    private Optional<Set<String>> entitiesMatching(Query query, AtomicBoolean cancelSignal, String failure) {
        try {
            SearcherManager searchers = searchers();
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
                Set<String> entities = new HashSet<>();
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    if (cancelSignal.get()) {
                        throw new QueryCancelledException();
                    }
                    if (!addEntities(weight, leaf, entities)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(Set.copyOf(entities));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(failure, e);
        }
    }

    /**
     * Adds the entities of the leaf's matching documents; false when the index cannot answer for them: too many, a
     * blank node (which a query cannot name), or a document without its entity key.
     */
    private static boolean addEntities(Weight weight, LeafReaderContext leaf, Set<String> entities) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return true;
        }
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues keys = DocValues.getSorted(leaf.reader(), ENTITY_KEY_FIELD);
        // an entity named by many documents matches once per document: its key is looked up once
        FixedBitSet matched = new FixedBitSet(Math.max(1, keys.getValueCount()));
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            if (!keys.advanceExact(doc)) {
                return false;
            }
            matched.set(keys.ordValue());
        }
        for (int ord = 0; ord < keys.getValueCount(); ord++) {
            if (matched.get(ord)) {
                String entity = keys.lookupOrd(ord).utf8ToString();
                entities.add(entity);
                if (entity.startsWith("_:") || entities.size() > MAX_CANDIDATES) {
                    return false;
                }
            }
        }
        return true;
    }

    private synchronized SearcherManager searchers() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, null);
        }
        return searchers;
    }

    /** The query's words, each as the terms it reads as (usually one). */
    private List<List<String>> analyze(String text) {
        List<List<String>> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(NAME_FIELD, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (position.getPositionIncrement() > 0 || words.isEmpty()) {
                    words.add(new ArrayList<>());
                }
                words.get(words.size() - 1).add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Query word(List<String> readings) {
        SynonymQuery.Builder word = new SynonymQuery.Builder(NAME_FIELD);
        readings.forEach(reading -> word.addTerm(new Term(NAME_FIELD, reading)));
        return word.build();
    }

    private static Query wordOrPrefix(List<String> readings) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(new BoostQuery(word(readings), WHOLE_WORD_BOOST), Occur.SHOULD);
        for (String reading : readings) {
            if (reading.length() >= MIN_PREFIX) {
                either.add(new PrefixQuery(new Term(NAME_FIELD, reading)), Occur.SHOULD);
            }
        }
        return either.build();
    }

    /**
     * Walks the hits best first, fetching more while needed, and keeps each entity once, at its best score, with the name that matched — in the query's script when one of its
     * matching names is (Клодзинского shows Клодзинский Антон, not the shorter Klodzinsky Anton that scored higher).
     */
    private static List<SearchHit> bestPerEntity(IndexSearcher searcher, Query query, int limit, boolean cyrillicQuery,
                                                 AtomicBoolean cancelSignal) throws IOException {
        int wanted = Math.max(limit * 10, 100);
        while (true) {
            TopDocs top = searcher.search(query, wanted);
            if (searcher.timedOut()) {
                throw new QueryCancelledException();
            }
            Map<String, SearchHit> best = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                if (cancelSignal.get()) {
                    throw new QueryCancelledException();
                }
                Document doc = searcher.storedFields().document(hit.doc);
                String iri = doc.get(ENTITY_FIELD);
                String name = doc.get(NAME_FIELD);
                if (iri != null && name != null && !iri.startsWith("_:")) {
                    SearchHit known = best.putIfAbsent(iri, new SearchHit(iri, name, hit.score));
                    if (known != null && isCyrillic(known.matchedName()) != cyrillicQuery
                            && isCyrillic(name) == cyrillicQuery) {
                        best.put(iri, new SearchHit(iri, name, known.score()));
                    }
                }
            }
            boolean more = top.totalHits.value > top.scoreDocs.length;
            if (best.size() >= limit || !more) {
                return best.values().stream().limit(limit).toList();
            }
            wanted *= 4;
        }
    }

    private static boolean isCyrillic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    /** An event's days, widened by each of its date quads; none until one of them is a start date. */
    private static final class EventDays {
        private DaySpan days;
        private boolean started;

        void add(Quad date) {
            DaySpan these = daysOf(date.getObject());
            days = days == null ? these : days.widenedBy(these);
            started |= date.getPredicate().equals(MKG.startDate);
        }

        /** The days, or null when no start date was added (no query lists such an event). */
        DaySpan days() {
            return started ? days : null;
        }

        /**
         * A date's days; unbounded when it cannot be read as a day, so that the event is a candidate for every span
         * and the query's own comparison decides.
         */
        private static DaySpan daysOf(Node date) {
            return date.isLiteral() ? DaySpan.of(date.getLiteralLexicalForm()).orElse(DaySpan.UNBOUNDED)
                    : DaySpan.UNBOUNDED;
        }
    }

    /**
     * jena-text's index, whose every document also holds its name's trigrams and its entity as a doc value, and whose
     * writer is rolled back only by the aborts of write transactions.
     */
    private static final class GramIndex extends TextIndexLucene {
        private final DatasetGraph store;
        /** The events whose dates the write transaction under way changed; noted from any thread. */
        final Set<Node> redated = ConcurrentHashMap.newKeySet();

        GramIndex(Directory directory, TextIndexConfig config, DatasetGraph store) {
            super(directory, config);
            this.store = store;
        }

        /**
         * jena-text (5.6) rolls the index's one writer back at the abort of any transaction of the store, reads too:
         * a query given up while a write was under way dropped the write's names, or left the writer null for every
         * later commit, and the server took no write again. A read has changed nothing in the index.
         */
        @Override
        public void rollback() {
            if (store.isInTransaction() && store.transactionMode() == ReadWrite.WRITE) {
                redated.clear();
                super.rollback();
            }
        }

        /** Indexes again the days of the events whose dates changed, read from the store in its write transaction. */
        @Override
        public void prepareCommit() {
            if (!redated.isEmpty()) {
                for (Node event : redated) {
                    EventDays days = new EventDays();
                    DATE_PREDICATES.forEach(predicate ->
                            store.find(Node.ANY, event, predicate, Node.ANY).forEachRemaining(days::add));
                    indexDays(event, days.days());
                }
                redated.clear();
            }
            super.prepareCommit();
        }

        /** Replaces the event's days document; removes it when {@code days} is null (the event has no start date). */
        void indexDays(Node event, DaySpan days) {
            String key = event.isBlank() ? "_:" + event.getBlankNodeLabel() : event.isURI() ? event.getURI() : null;
            if (key == null) {
                return;
            }
            try {
                Term dated = new Term(DATED_FIELD, key);
                if (days == null) {
                    getIndexWriter().deleteDocuments(dated);
                    return;
                }
                Document doc = new Document();
                doc.add(new StringField(DATED_FIELD, key, Field.Store.NO));
                doc.add(new SortedDocValuesField(ENTITY_KEY_FIELD, new BytesRef(key)));
                doc.add(new LongPoint(DAYS_FIELD, days.firstDay(), days.lastDay()));
                getIndexWriter().updateDocument(dated, doc);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot index the dates of " + key, e);
            }
        }

        @Override
        protected Document doc(Entity entity) {
            Document doc = super.doc(entity);
            doc.add(new SortedDocValuesField(ENTITY_KEY_FIELD, new BytesRef(entity.getId())));
            Object name = entity.get(NAME_FIELD);
            if (name != null) {
                NameGrams.of(name.toString()).forEach(gram -> doc.add(new StringField(GRAM_FIELD, gram, Field.Store.NO)));
            }
            return doc;
        }
    }

    /**
     * The changes jena-text's dataset makes to the store, each told to {@code written} and indexed as {@link #added}
     * and {@link #deleted} index them. The store is TDB2, written in transactions only, whose commit commits the
     * index: nothing here commits.
     */
    private record NameChanges(LuceneNameIndex names, Consumer<Quad> written) implements TextDocProducer {
        @Override
        public void start() {
        }

        @Override
        public void change(TextQuadAction action, Node graph, Node subject, Node predicate, Node object) {
            if (action == TextQuadAction.ADD || action == TextQuadAction.DELETE) {
                Quad quad = Quad.create(graph, subject, predicate, object);
                written.accept(quad);
                if (action == TextQuadAction.ADD) {
                    names.added(quad);
                } else {
                    names.deleted(quad);
                }
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void reset() {
        }
    }

    /** Closes the index (not the store). */
    @Override
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            index.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the name index", e);
        }
    }
}
