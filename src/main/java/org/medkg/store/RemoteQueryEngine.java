package org.medkg.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.optimize.TransformPropertyFunction;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;

/**
 * Runs a query over a {@link RemoteDataset} at its remote endpoint: the whole query is sent, so joins, filters and
 * aggregates are computed by the store that holds the data. The store sends rows; ARQ makes of them what the query
 * asks here (a CONSTRUCT's triples, an ASK's answer), so any query form works over a store that answers SELECT.
 * The request is sent as the plan is made, so a store that does not answer fails the query before anything is written.
 */
final class RemoteQueryEngine implements QueryEngineFactory {

    /**
     * A query that calls a property function registered here (medkg's own, or ARQ's) is not sent: the remote store
     * may not know it, and would read its call as a triple that matches nothing. ARQ then runs it here over the
     * store's finds.
     */
    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return remote(dataset) != null && !callsPropertyFunction(query, context);
    }

    /** Whether ARQ, planning the query here, would find a property function in it: by its own transform. */
    private static boolean callsPropertyFunction(Query query, Context context) {
        if (query.getQueryPattern() == null) {
            return false;
        }
        AtomicBoolean calls = new AtomicBoolean();
        Walker.walk(TransformPropertyFunction.transform(Algebra.compile(query), context), new OpVisitorBase() {
            @Override
            public void visit(OpPropFunc function) {
                calls.set(true);
            }
        });
        return calls.get();
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
        RemoteDataset remote = remote(dataset);
        Query sent = asSelect(query, inputBinding);
        AtomicBoolean cancelSignal = Context.getCancelSignal(context);
        IteratorCloseable<Binding> rows = remote.endpoint().select(sent.toString(),
                cancelSignal != null ? cancelSignal : new AtomicBoolean());
        QueryIterator iterator = QueryIterPlainWrapper.create(rows);
        Op op = Algebra.compile(sent);
        return new PlanOp("remote " + remote.endpoint().url(), rows::close, op, iterator);
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        // Algebra alone (no query) is not sent: ARQ then reads the dataset through its finds.
        return false;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
        throw new UnsupportedOperationException("algebra is not sent to a remote store");
    }

    /** The remote dataset under any views of it; null for any other dataset. */
    private static RemoteDataset remote(DatasetGraph dataset) {
        DatasetGraph inner = dataset;
        while (inner instanceof DatasetGraphWrapper wrapper) {
            inner = wrapper.getWrapped();
        }
        return inner instanceof RemoteDataset remote ? remote : null;
    }

    /** The rows the query is made from: the query itself for a SELECT, else its pattern's solutions. */
    private static Query asSelect(Query query, Binding inputBinding) {
        Query sent = query;
        if (inputBinding != null && !inputBinding.isEmpty()) {
            Map<Var, Node> values = new HashMap<>();
            inputBinding.forEach(values::put);
            sent = QueryTransformOps.transform(sent, values);
        }
        if (sent.isSelectType()) {
            return sent;
        }
        sent = sent.cloneQuery();
        boolean ask = sent.isAskType();
        if (sent.getQueryPattern() == null) {
            // DESCRIBE <iri> alone: one empty row, the IRIs are in the query.
            sent.setQueryPattern(new org.apache.jena.sparql.syntax.ElementGroup());
        }
        sent.setQuerySelectType();
        sent.setQueryResultStar(true);
        if (ask) {
            sent.setLimit(1);
        }
        return sent;
    }
}
