package org.medkg.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadBlock;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.algebra.optimize.TransformPropertyFunction;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.medkg.store.Footprint;

/**
 * What a SPARQL query can read of a store, as a {@link Footprint}: each triple pattern of it (subqueries and
 * {@code EXISTS} included) by its subject, object or predicate, each link of a property path by its predicate. A query
 * that asks a service, a property function (a text search reads names through its index), the names of the graphs,
 * or a negated property set may read anything.
 */
final class QueryFootprint {

    private QueryFootprint() {
    }

    static Footprint of(Query query) {
        Footprint.Recorder recorder = new Footprint.Recorder();
        // property functions as ARQ runs them, each with its arguments
        Op compiled = TransformPropertyFunction.transform(Algebra.compile(query), ARQ.getContext());
        Walker.walk(predicatesOfValues(compiled), new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(triple -> triple(triple, recorder));
            }

            @Override
            public void visit(OpTriple triple) {
                triple(triple.getTriple(), recorder);
            }

            @Override
            public void visit(OpQuadPattern quads) {
                quads.getBasicPattern().forEach(triple -> triple(triple, recorder));
            }

            @Override
            public void visit(OpQuadBlock quads) {
                quads.getPattern().forEach(quad -> triple(quad.asTriple(), recorder));
            }

            @Override
            public void visit(OpQuad quad) {
                triple(quad.getQuad().asTriple(), recorder);
            }

            @Override
            public void visit(OpPath path) {
                TriplePath pattern = path.getTriplePath();
                if (pattern.isTriple()) {
                    triple(pattern.asTriple(), recorder);
                } else {
                    links(pattern.getPath(), recorder);
                }
            }

            @Override
            public void visit(OpGraph graph) {
                // GRAPH ?g {} reads the graphs' names
                if (graph.getSubOp() instanceof OpTable
                        || graph.getSubOp() instanceof OpBGP bgp && bgp.getPattern().isEmpty()) {
                    recorder.everything();
                }
            }

            /** medkg's own functions read the links of the predicates they are given; any other may read anything. */
            @Override
            public void visit(OpPropFunc function) {
                String iri = function.getProperty().getURI();
                PropertyFunctionFactory factory = PropertyFunctionRegistry.get().get(iri);
                List<Node> predicates = factory != null && factory.create(iri) instanceof LinkReadingFunction reader
                        ? reader.predicatesRead(function.getObjectArgs()) : List.of();
                if (!predicates.isEmpty() && predicates.stream().allMatch(Node::isURI)) {
                    predicates.forEach(predicate -> recorder.lookup(Node.ANY, predicate, Node.ANY));
                } else {
                    recorder.everything();
                }
            }

            @Override
            public void visit(OpService service) {
                recorder.everything();
            }

            @Override
            public void visit(OpDatasetNames names) {
                recorder.everything();
            }
        }, new ExprVisitorBase());
        return recorder.footprint();
    }

    /**
     * The query with each triple pattern whose predicate is a variable of a {@code VALUES} block joined with it (the
     * roles as values, which the saved queries use so that Jena reads one role at a time) written once for each of
     * the block's IRIs: only those are read. Only a block in the same group counts, whose every row binds the
     * variable to an IRI; any other variable predicate may read anything.
     */
    private static Op predicatesOfValues(Op op) {
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpJoin join, Op left, Op right) {
                return joined(List.of(left, right), operands -> OpJoin.create(operands.get(0), operands.get(1)));
            }

            @Override
            public Op transform(OpSequence sequence, List<Op> elements) {
                return joined(elements, operands -> sequence.copy(operands));
            }
        }, op);
    }

    private static Op joined(List<Op> operands, Function<List<Op>, Op> join) {
        List<Op> leaves = new ArrayList<>();
        operands.forEach(operand -> leaves(operand, leaves));
        List<OpTable> tables = leaves.stream().filter(OpTable.class::isInstance).map(OpTable.class::cast).toList();
        List<Op> written = operands.stream().map(operand -> operand instanceof OpBGP bgp ? bound(bgp, tables) : operand)
                .toList();
        return join.apply(written);
    }

    private static void leaves(Op op, List<Op> leaves) {
        if (op instanceof OpJoin join) {
            leaves(join.getLeft(), leaves);
            leaves(join.getRight(), leaves);
        } else if (op instanceof OpSequence sequence) {
            sequence.getElements().forEach(element -> leaves(element, leaves));
        } else {
            leaves.add(op);
        }
    }

    /** The pattern once for each row of each table that binds one of its variable predicates to IRIs only. */
    private static Op bound(OpBGP bgp, List<OpTable> tables) {
        Set<Var> predicates = bgp.getPattern().getList().stream().map(Triple::getPredicate)
                .filter(Node::isVariable).map(Var::alloc).collect(Collectors.toSet());
        List<Op> variants = List.of(bgp);
        for (OpTable table : tables) {
            List<Binding> rows = new ArrayList<>();
            table.getTable().rows().forEachRemaining(rows::add);
            Set<Var> iris = predicates.stream().filter(var -> !rows.isEmpty() && rows.stream()
                    .allMatch(row -> row.contains(var) && row.get(var).isURI())).collect(Collectors.toSet());
            if (!iris.isEmpty()) {
                variants = variants.stream().flatMap(variant -> rows.stream().map(row -> {
                    BindingBuilder only = BindingFactory.builder();
                    iris.forEach(var -> only.add(var, row.get(var)));
                    return Substitute.substitute(variant, only.build());
                })).toList();
            }
        }
        return variants.size() == 1 ? variants.get(0)
                : variants.stream().reduce(OpUnion::create).orElseThrow();
    }

    private static void triple(Triple triple, Footprint.Recorder recorder) {
        Node predicate = triple.getPredicate();
        if (predicate.isURI() && PropertyFunctionRegistry.get().isRegistered(predicate.getURI())) {
            recorder.everything();
        } else {
            recorder.lookup(triple.getSubject(), predicate, triple.getObject());
        }
    }

    /** The links of a path, each by its predicate alone: the nodes in between are anyone's. */
    private static void links(Path path, Footprint.Recorder recorder) {
        if (path instanceof P_Link link) {
            recorder.lookup(Node.ANY, link.getNode(), Node.ANY);
        } else if (path instanceof P_ReverseLink link) {
            recorder.lookup(Node.ANY, link.getNode(), Node.ANY);
        } else if (path instanceof P_Path1 one) {
            links(one.getSubPath(), recorder);
        } else if (path instanceof P_Path2 two) {
            links(two.getLeft(), recorder);
            links(two.getRight(), recorder);
        } else {
            recorder.everything();
        }
    }
}
