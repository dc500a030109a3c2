package org.medkg.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.pfunction.PropFuncArg;

/**
 * A medkg property function that reads only the links of the predicates its call names: what {@link QueryFootprint}
 * records of a call, so that a write of other facts leaves a kept answer that calls it kept.
 */
interface LinkReadingFunction {

    /** The predicates a call with these object arguments reads the links of, as written (variables included). */
    List<Node> predicatesRead(PropFuncArg object);

    /** The predicates of a call as evaluated, each an IRI; an error naming {@code function} otherwise. */
    static Set<Node> linkPredicates(String function, List<Node> predicates) {
        Set<Node> links = new LinkedHashSet<>();
        for (Node predicate : predicates) {
            if (!predicate.isURI()) {
                throw new QueryExecException(function + ": a predicate is an IRI, not " + predicate);
            }
            links.add(predicate);
        }
        return links;
    }

    /** A count as the functions bind it: an {@code xsd:integer}. */
    static Node integer(long count) {
        return NodeFactory.createLiteralDT(Long.toString(count), XSDDatatype.XSDinteger);
    }

    /** Binds {@code value} to {@code argument} when it is a variable not yet bound; whether they agree. */
    static boolean bind(BindingBuilder row, Node argument, Node value) {
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
}
