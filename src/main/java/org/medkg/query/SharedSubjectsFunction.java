package org.medkg.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
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
public final class SharedSubjectsFunction extends PFuncListAndList {
    /** The namespace of medkg's SPARQL functions. */
    public static final String NS = "https://w3id.org/medkg/function#";
    public static final String IRI = NS + "sharedSubjects";

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
        Set<Node> predicates = new LinkedHashSet<>();
        for (Node linkPredicate : predicates(object)) {
            if (!linkPredicate.isURI()) {
                throw new QueryExecException(IRI + ": a predicate is an IRI, not " + linkPredicate);
            }
            predicates.add(linkPredicate);
        }
        List<SharedSubjects.Pair> pairs = SharedSubjects.best(PatternReads.of(context.getDataset()).links(predicates),
                min, limit, context.getCancelSignal());
        List<Binding> rows = new ArrayList<>();
        for (SharedSubjects.Pair pair : pairs) {
            BindingBuilder row = Binding.builder(binding);
            if (bind(row, subject.getArg(0), pair.first()) && bind(row, subject.getArg(1), pair.second())
                    && bind(row, subject.getArg(2), NodeFactory.createLiteralDT(Integer.toString(pair.shared()),
                            XSDDatatype.XSDinteger))) {
                rows.add(row.build());
            }
        }
        return QueryIterPlainWrapper.create(rows.iterator(), context);
    }

    /** The predicates a call reads the links of, as written: its arguments after min and limit. */
    static List<Node> predicates(PropFuncArg object) {
        return object.getArgListSize() < 3 ? List.of() : object.getArgList().subList(2, object.getArgListSize());
    }

    /** Binds {@code value} to {@code argument} when it is a variable not yet bound; whether they agree. */
    private static boolean bind(BindingBuilder row, Node argument, Node value) {
        if (!Var.isVar(argument)) {
            return argument.sameValueAs(value);
        }
        Var var = Var.alloc(argument);
        if (row.contains(var)) {
            return row.get(var).sameValueAs(value);
        }
        row.add(var, value);
        return true;
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
