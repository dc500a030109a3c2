package org.medkg.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.pfunction.PFuncListAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.medkg.store.PatternReads;

/**
 * {@code (?first ?second ?shared) mkgf:sharedSubjects (min limit predicate…)}: the {@code limit} pairs of IRIs that
 * at least {@code min} subjects link to both by the predicates, in any document's graph, with how many do; the most
 * first, ties by the first's IRI, then the second's; the first is the lesser IRI. people-who-met asks for the people
 * who were speakers or participants of the same events ({@link SharedSubjects} says why it is not a grouping).
 */
public final class SharedSubjectsFunction extends PFuncListAndList implements LinkReadingFunction {
    public static final String IRI = QueryFunctions.NS + "sharedSubjects";

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext context) {
        super.build(subject, predicate, object, context);
        if (subject.getArgListSize() != 3) {
            throw new QueryBuildException(IRI + " binds three: (?first ?second ?shared), not "
                    + subject.getArgListSize());
        }
        if (object.getArgListSize() < 3) {
            throw new QueryBuildException(IRI + " takes (min limit predicate…), at least one predicate");
        }
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
            ExecutionContext context) {
        int min = count(object.getArg(0), "min");
        int limit = count(object.getArg(1), "limit");
        Set<Node> predicates = LinkReadingFunction.linkPredicates(IRI, predicatesRead(object));
        List<SharedSubjects.Pair> pairs = SharedSubjects.best(PatternReads.of(context.getDataset()).links(predicates),
                min, limit, context.getCancelSignal());
        List<Binding> rows = new ArrayList<>();
        for (SharedSubjects.Pair pair : pairs) {
            BindingBuilder row = Binding.builder(binding);
            if (LinkReadingFunction.bind(row, subject.getArg(0), pair.first())
                    && LinkReadingFunction.bind(row, subject.getArg(1), pair.second())
                    && LinkReadingFunction.bind(row, subject.getArg(2), LinkReadingFunction.integer(pair.shared()))) {
                rows.add(row.build());
            }
        }
        return QueryIterPlainWrapper.create(rows.iterator(), context);
    }

    /** Its arguments after min and limit. */
    @Override
    public List<Node> predicatesRead(PropFuncArg object) {
        return object.getArgListSize() < 3 ? List.of() : object.getArgList().subList(2, object.getArgListSize());
    }

    private static int count(Node argument, String name) {
        if (argument.isLiteral()) {
            NodeValue value = NodeValue.makeNode(argument);
            if (value.isInteger() && value.getInteger().signum() >= 0) {
                return value.getInteger().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            }
        }
        throw new QueryExecException(IRI + ": " + name + " is a whole number of 0 or more, not " + argument);
    }
}
