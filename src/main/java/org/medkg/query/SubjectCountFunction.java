package org.medkg.query;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterNullIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.medkg.store.PatternReads;

/**
 * {@code ?count mkgf:subjectCount (object predicate…)}: how many distinct subjects link to {@code object} by one of
 * the predicates, in any document's graph; {@code object} is bound before the call. A grouping counts the same with
 * a row for each link as each graph states it: a center that 20,000 people are affiliated with at 1,000 copies of
 * the corpus made 31,899 rows of people and events, read as nodes and held in a set for {@code COUNT(DISTINCT)}; the
 * function counts the links as node ids.
 */
public final class SubjectCountFunction extends PFuncSimpleAndList implements LinkReadingFunction {
    public static final String IRI = QueryFunctions.NS + "subjectCount";

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext context) {
        super.build(subject, predicate, object, context);
        if (object.getArgListSize() < 2) {
            throw new QueryBuildException(IRI + " takes (object predicate…), at least one predicate");
        }
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, Node count, Node predicate, PropFuncArg object,
            ExecutionContext context) {
        Node linked = object.getArg(0);
        if (linked.isVariable()) {
            throw new QueryExecException(IRI + ": the object " + linked + " is bound before the call");
        }
        int subjects = PatternReads.of(context.getDataset())
                .subjectCount(linked, LinkReadingFunction.linkPredicates(IRI, predicatesRead(object)));
        BindingBuilder row = Binding.builder(binding);
        return LinkReadingFunction.bind(row, count, LinkReadingFunction.integer(subjects))
                ? QueryIterSingleton.create(row.build(), context)
                : QueryIterNullIterator.create(context);
    }

    /** Its arguments after the object. */
    @Override
    public List<Node> predicatesRead(PropFuncArg object) {
        return object.getArgListSize() < 2 ? List.of() : object.getArgList().subList(1, object.getArgListSize());
    }
}
