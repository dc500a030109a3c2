package org.medkg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.optimize.TransformFilterPlacement;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * TDB2's query executor, but for the union of the named graphs: its basic patterns matched by {@link DistinctTriples},
 * each triple read a few times however many documents state it, where TDB2 reads every quad and drops the repeats.
 * Planned as TDB2 plans (its reordering of the pattern by the store's statistics, its placement of filters between
 * the triples); everything else (a named graph, a quad filter in the query's settings, a triple term, another store)
 * is left to TDB2 (or ARQ). medkg's queries see that union as their default graph, and a hub's facts, stated by every
 * document that names it, were most of what a query about a hub read (at 1,000 copies of the corpus, a city's labels
 * 66,000 quads, a center's 102,000). Pages read it the same way ({@link NodeIdScans#triples}).
 *
 * <p>A query is given it by {@link #unionDefaultGraph}, with the union graph as its default graph.
 */
public final class UnionGraphExecutor extends OpExecutorTDB2 {
    private static final OpExecutorFactory FACTORY = UnionGraphExecutor::new;
    /** Executes what the filters' placement made of a pattern, in that order. */
    private static final OpExecutorFactory AS_PLACED = AsPlaced::new;

    private UnionGraphExecutor(ExecutionContext context) {
        super(context);
    }

    /**
     * The settings of a query over a TDB2 store that reads the union of its named graphs as its default graph, by
     * this executor; over another store they change nothing. Each is to be set on its own, beside the dataset's
     * settings (its cancel signal), which a whole context given to a query execution would replace.
     */
    public static Map<Symbol, Object> unionDefaultGraph() {
        return Map.of(TDB2.symUnionDefaultGraph, true, ARQConstants.sysOpExecutorFactory, FACTORY);
    }

    @Override
    protected QueryIterator execute(OpQuadPattern quadPattern, QueryIterator input) {
        DatasetGraphTDB store = unionStore(quadPattern, execCxt);
        return store == null ? super.execute(quadPattern, input)
                : planned(store, quadPattern.getBasicPattern(), null, input);
    }

    @Override
    protected QueryIterator execute(OpFilter filter, QueryIterator input) {
        if (filter.getSubOp() instanceof OpQuadPattern quadPattern) {
            DatasetGraphTDB store = unionStore(quadPattern, execCxt);
            if (store != null) {
                return planned(store, quadPattern.getBasicPattern(), filter.getExprs(), input);
            }
        }
        return super.execute(filter, input);
    }

    /** The pattern reordered for the first input, as TDB2 does, and its filters placed among its triples. */
    private QueryIterator planned(DatasetGraphTDB store, BasicPattern pattern, ExprList filters, QueryIterator input) {
        ReorderTransformation reordering = store.getReorderTransform();
        if (pattern.size() >= 2 && reordering != null) {
            QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
            if (!peek.hasNext()) {
                return peek;
            }
            pattern = reordering.reorderIndexes(Substitute.substitute(pattern, peek.peek())).reorder(pattern);
            input = peek;
        }
        if (filters == null) {
            return matched(store, pattern, input, execCxt);
        }
        ExecutionContext asPlaced = ExecutionContext.copy(execCxt);
        asPlaced.setExecutor(AS_PLACED);
        Op placed = TransformFilterPlacement.transform(filters, Quad.unionGraph, pattern);
        return QC.execute(placed, input, asPlaced);
    }

    /** TDB2 storage read as the union of its named graphs by this pattern, or null where TDB2's own way is kept. */
    private static DatasetGraphTDB unionStore(OpQuadPattern quadPattern, ExecutionContext context) {
        return Quad.isUnionGraph(quadPattern.getGraphNode()) && context.getDataset() instanceof DatasetGraphTDB store
                && QC2.getFilter(context.getContext()) == null
                && quadPattern.getBasicPattern().getList().stream().noneMatch(UnionGraphExecutor::hasTripleTerm)
                ? store : null;
    }

    private static boolean hasTripleTerm(Triple triple) {
        return triple.getSubject().isTripleTerm() || triple.getPredicate().isTripleTerm()
                || triple.getObject().isTripleTerm();
    }

    /** Each input extended by each match of the pattern's triples, in their order, in node ids until the end. */
    private static QueryIterator matched(DatasetGraphTDB store, BasicPattern pattern, QueryIterator input,
                                         ExecutionContext context) {
        if (!input.hasNext()) {
            // asked first, as TDB2 asks it: an input never started, such as a hash join's, may fail to close
            return input;
        }
        DistinctTriples quads = DistinctTriples.in(store.getQuadTable().getNodeTupleTable().getTupleTable());
        NodeTable nodes = store.getQuadTable().getNodeTupleTable().getNodeTable();
        AtomicBoolean cancelSignal = context.getCancelSignal();
        Iterator<BindingNodeId> chain = Iter.map(input, binding -> inIds(binding, nodes));
        List<Abortable> stoppable = new ArrayList<>();
        for (Triple triple : pattern) {
            Iterator<BindingNodeId> before = chain;
            chain = SolverLib.makeAbortable(Iter.flatMap(before,
                    binding -> matches(quads, nodes, triple, binding, cancelSignal)), stoppable);
        }
        Iterator<Binding> bindings = Iter.map(chain, ids -> new BindingTDB(ids, nodes));
        return new QueryIterAbortable(bindings, stoppable, input, context);
    }

    /** A binding by node id; a node the store does not hold is kept so, and matches nothing. */
    private static BindingNodeId inIds(Binding binding, NodeTable nodes) {
        if (binding instanceof BindingTDB stored) {
            return stored.getBindingId();
        }
        BindingNodeId ids = new BindingNodeId(binding);
        binding.vars().forEachRemaining(var -> ids.put(var, nodes.getNodeIdForNode(binding.get(var))));
        return ids;
    }

    /**
     * {@code binding} extended by each triple in the store matching {@code triple} as it binds it; each match first
     * checks the query's cancel signal, if it has one, as TDB2's own matching does (rows may come out of a pattern
     * seldom, or only once all are read: a count).
     */
    private static Iterator<BindingNodeId> matches(DistinctTriples quads, NodeTable nodes, Triple triple,
                                                   BindingNodeId binding, AtomicBoolean cancelSignal) {
        Node[] terms = {triple.getSubject(), triple.getPredicate(), triple.getObject()};
        NodeId[] ids = new NodeId[3];
        Var[] unbound = new Var[3];
        for (int i = 0; i < 3; i++) {
            if (Var.isVar(terms[i])) {
                Var var = Var.alloc(terms[i]);
                ids[i] = binding.get(var);
                unbound[i] = ids[i] == null ? var : null;
            } else {
                ids[i] = nodes.getNodeIdForNode(terms[i]);
            }
            if (ids[i] != null && NodeId.isDoesNotExist(ids[i])) {
                return Iter.nullIterator();
            }
        }
        Iterator<Tuple<NodeId>> found = quads.matching(ids[0], ids[1], ids[2]);
        return Iter.iter(found).map(quad -> {
            if (cancelSignal != null && cancelSignal.get()) {
                throw new QueryCancelledException();
            }
            return extended(binding, unbound, quad);
        }).removeNulls();
    }

    /** The binding extended by the quad's triple, or null when a variable met twice in the triple differs. */
    private static BindingNodeId extended(BindingNodeId binding, Var[] unbound, Tuple<NodeId> quad) {
        BindingNodeId extended = new BindingNodeId(binding);
        for (int i = 0; i < 3; i++) {
            if (unbound[i] != null) {
                NodeId id = quad.get(i + 1);
                NodeId already = extended.get(unbound[i]);
                if (already != null && !already.equals(id)) {
                    return null;
                }
                extended.put(unbound[i], id);
            }
        }
        return extended;
    }

    /** What {@link TransformFilterPlacement} made of a pattern: its union patterns matched as they stand. */
    private static final class AsPlaced extends OpExecutor {
        AsPlaced(ExecutionContext context) {
            super(context);
        }

        @Override
        protected QueryIterator execute(OpQuadPattern quadPattern, QueryIterator input) {
            DatasetGraphTDB store = unionStore(quadPattern, execCxt);
            return store == null ? super.execute(quadPattern, input)
                    : matched(store, quadPattern.getBasicPattern(), input, execCxt);
        }
    }
}
