package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;

/**
 * A store held by another SPARQL server, read-only, seen as a dataset: everything that reads a local store — pages,
 * descriptions, saved queries, the SPARQL endpoint — reads this one unchanged.
 *
 * <p>A SPARQL query over this dataset (or over a view of it, such as {@link CancellableReads}) is sent whole to the
 * remote endpoint by {@link RemoteQueryEngine}, and stops at the view's cancel signal. A direct read ({@code find},
 * {@code contains}) is one small query of its own, bounded by the endpoint's answer timeout. The remote endpoint's
 * default graph must be the union of its named graphs, as medkg's own is (Fuseki: {@code tdb2:unionDefaultGraph
 * true}): queries are written for it. Direct reads see the named graphs only, and the default graph of this dataset,
 * like the remote's, is their union.
 *
 * <p>Reads are not isolated from each other: a transaction here begins nothing remotely, so two reads of one request
 * may see the store before and after a load. Writes are refused: write to the remote store itself.
 */
public final class RemoteDataset extends DatasetGraphBaseFind {

    static {
        // Queries over this dataset, whatever wraps it, are sent to the remote store rather than run here on its finds.
        QueryEngineRegistry.addFactory(new RemoteQueryEngine());
    }

    private final SparqlEndpoint endpoint;
    private final Transactional transactions = TransactionalNull.create();
    private final Context context = new Context();

    private RemoteDataset(SparqlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The store as one request reads it: its reads stop at {@code cancelSignal}, and what it reads of a subject is
     * fetched once ({@link RequestReads}). Any other dataset is returned as it is.
     */
    public static DatasetGraph readBy(DatasetGraph store, AtomicBoolean cancelSignal) {
        return store instanceof RemoteDataset remote ? new RequestReads(remote, cancelSignal) : store;
    }

    /** The store queried at {@code endpoint}. */
    public static RemoteDataset over(SparqlEndpoint endpoint) {
        return new RemoteDataset(requireNonNull(endpoint, "endpoint"));
    }

    public SparqlEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Whether the remote default graph can be the union of the named graphs that queries expect: it holds data
     * whenever they do. Asked once at start; a store that does not answer throws {@link RemoteStoreException}.
     */
    public boolean defaultGraphIsUnion() {
        return !endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }", new AtomicBoolean())
                || endpoint.ask("ASK { ?s ?p ?o }", new AtomicBoolean());
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        // The union of the named graphs is not stored as a graph of its own: reading it too would give every quad twice.
        return Iter.nullIterator();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        if (Quad.isUnionGraph(g)) {
            return Iter.map(findInUnionGraph(s, p, o), triple -> Quad.create(Quad.unionGraph, triple));
        }
        if (Quad.isDefaultGraph(g)) {
            return findInDftGraph(s, p, o);
        }
        return quads(g, s, p, o, false, new AtomicBoolean());
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return quads(Node.ANY, s, p, o, false, new AtomicBoolean());
    }

    @Override
    public Iterator<org.apache.jena.graph.Triple> findInUnionGraph(Node s, Node p, Node o) {
        return Iter.map(quads(Node.ANY, s, p, o, true, new AtomicBoolean()), Quad::asTriple);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g != null && g.isConcrete() && (Quad.isDefaultGraph(g))) {
            return false;
        }
        String graph = g == null || !g.isConcrete() || Quad.isUnionGraph(g) ? "?g" : term(g, "?g");
        return endpoint.ask("ASK { GRAPH " + graph + " { " + pattern(s, p, o) + " } }", new AtomicBoolean());
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return Iter.map(endpoint.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", new AtomicBoolean()),
                row -> row.get("g"));
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return contains(graphNode, Node.ANY, Node.ANY, Node.ANY);
    }

    /** The quads matching a pattern, one remote query; {@code union} drops the graph and repeated triples. */
    IteratorCloseable<Quad> quads(Node g, Node s, Node p, Node o, boolean union, AtomicBoolean cancelSignal) {
        boolean anyGraph = g == null || !g.isConcrete();
        String query = "SELECT " + (union ? "DISTINCT ?s ?p ?o" : "*") + " WHERE { GRAPH " + term(g, "?g") + " { "
                + pattern(s, p, o) + " } }";
        IteratorCloseable<Binding> rows = endpoint.select(query, cancelSignal);
        return Iter.onClose(Iter.map(rows, row -> Quad.create(
                union ? Quad.unionGraph : anyGraph ? row.get("g") : g,
                value(row, s, "s"), value(row, p, "p"), value(row, o, "o"))), rows::close);
    }

    private static String pattern(Node s, Node p, Node o) {
        return term(s, "?s") + " " + term(p, "?p") + " " + term(o, "?o");
    }

    private static String term(Node node, String variable) {
        return node == null || !node.isConcrete() ? variable : NodeFmtLib.strNT(node);
    }

    private static Node value(Binding row, Node given, String variable) {
        return given == null || !given.isConcrete() ? row.get(variable) : given;
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createUnionGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw readOnly();
    }

    @Override
    public void removeGraph(Node graphName) {
        throw readOnly();
    }

    @Override
    public void add(Quad quad) {
        throw readOnly();
    }

    @Override
    public void delete(Quad quad) {
        throw readOnly();
    }

    private UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the store at " + endpoint.url()
                + " is read here only: write to it directly (medkg load --endpoint)");
    }

    @Override
    public PrefixMap prefixes() {
        return PrefixMapFactory.emptyPrefixMap();
    }

    @Override
    public Context getContext() {
        return context;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public void begin(TxnType type) {
        transactions.begin(type);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        transactions.begin(readWrite);
    }

    @Override
    public boolean promote(Promote mode) {
        return false;
    }

    @Override
    public void commit() {
        transactions.commit();
    }

    @Override
    public void abort() {
        transactions.abort();
    }

    @Override
    public void end() {
        transactions.end();
    }

    @Override
    public ReadWrite transactionMode() {
        return transactions.transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return transactions.transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return transactions.isInTransaction();
    }

    @Override
    public void close() {
        // nothing is held open between queries
    }
}
