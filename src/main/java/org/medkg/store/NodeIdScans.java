package org.medkg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads of one piece of work (a page) that TDB2 answers from its quad indexes by node id, decoding only what the
 * answer holds, each node once. The home page's counts of every typed entity decoded the subject of each type quad
 * (a city's type is stated by every document that names it): at 1,000 copies of the corpus the page took 5.8–6.3 s
 * after a server start, 1.0 s by id. A hub's page reads a quad per document for each of its facts, and decoding
 * every node of each through TDB2's node cache was most of its time. For any other store (a remote one) there are
 * none, and the caller reads as it would anyway. Call inside a read transaction; reads stop at the dataset's cancel
 * signal as {@link CancellableReads} does.
 */
public final class NodeIdScans implements PatternReads {
    /** Quad tuples are (graph, subject, predicate, object). */
    private static final int GRAPH = 0;
    private static final int SUBJECT = 1;
    private static final int PREDICATE = 2;
    private static final int OBJECT = 3;

    private static final Comparator<Node> LEXICAL = Comparator.comparing(Node::getLiteralLexicalForm);
    /** The greatest values first, ties by the subject's IRI. */
    public static final Comparator<Map.Entry<Node, Node>> LATEST_FIRST = Map.Entry.<Node, Node>comparingByValue(LEXICAL)
            .reversed().thenComparing(entry -> entry.getKey().toString());

    private final NodeTupleTable quads;
    private final AtomicBoolean cancelSignal;
    /** The nodes decoded so far: a hub's facts name the same documents and things again and again. */
    private final Map<NodeId, Node> decoded = new HashMap<>();

    private NodeIdScans(NodeTupleTable quads, AtomicBoolean cancelSignal) {
        this.quads = quads;
        this.cancelSignal = cancelSignal;
    }

    /** The scans of {@code dataset}'s TDB2 store, through any wrappers; empty when it is not one. */
    public static Optional<NodeIdScans> of(DatasetGraph dataset) {
        // through the gate, the name index's wrapper, the cancellable reads and TDB2's own switchable to its storage
        DatasetGraph store = dataset;
        while (store instanceof DatasetGraphWrapper wrapper) {
            store = wrapper.getWrapped();
        }
        return store instanceof DatasetGraphTDB tdb
                ? Optional.of(new NodeIdScans(tdb.getQuadTable().getNodeTupleTable(),
                CancellableReads.cancelSignal(dataset))) : Optional.empty();
    }

    @Override
    public List<Quad> quads(Node graph, Node subject, Node predicate, Node object) {
        if (Quad.isUnionGraph(graph)) {
            return triples(subject, predicate, object).stream().map(triple -> new Quad(Quad.unionGraph, triple))
                    .toList();
        }
        List<Quad> found = new ArrayList<>();
        find(graph, subject, predicate, object).forEachRemaining(quad -> found.add(new Quad(node(quad.get(GRAPH)),
                node(quad.get(SUBJECT)), node(quad.get(PREDICATE)), node(quad.get(OBJECT)))));
        return found;
    }

    @Override
    public List<Triple> triples(Node subject, Node predicate, Node object) {
        Set<Tuple<NodeId>> distinct = new LinkedHashSet<>();
        find(Node.ANY, subject, predicate, object).forEachRemaining(quad -> distinct.add(
                TupleFactory.create3(quad.get(SUBJECT), quad.get(PREDICATE), quad.get(OBJECT))));
        return distinct.stream().map(triple -> Triple.create(node(triple.get(0)), node(triple.get(1)),
                node(triple.get(2)))).toList();
    }

    @Override
    public boolean contains(Node graph, Node subject, Node predicate, Node object) {
        return find(Quad.isUnionGraph(graph) ? Node.ANY : graph, subject, predicate, object).hasNext();
    }

    /** How many distinct subjects are stated, in any graph, to have one of {@code types}. */
    public long countTyped(Set<Node> types) {
        return typed(types).size();
    }

    /**
     * The subjects of one of {@code types} that have a {@code predicate}, each with its least value by lexical form
     * over every graph (an event's earliest start date), the greatest values first, at most {@code limit}.
     */
    public List<Map.Entry<Node, Node>> greatestLeastValues(Set<Node> types, Node predicate, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Set<NodeId> subjects = typed(types);
        Map<NodeId, Node> least = new HashMap<>();
        find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(quad -> {
            NodeId subject = quad.get(SUBJECT);
            if (subjects.contains(subject)) {
                // dates are inlined in the id: no lookup
                Node value = quads.getNodeTable().getNodeForNodeId(quad.get(OBJECT));
                if (value.isLiteral()) {
                    least.merge(subject, value, (a, b) -> LEXICAL.compare(a, b) <= 0 ? a : b);
                }
            }
        });
        // ties by IRI, which needs the nodes: decoded for the values tied at the limit at most
        List<Map.Entry<NodeId, Node>> byValue = new ArrayList<>(least.entrySet());
        byValue.sort(Map.Entry.<NodeId, Node>comparingByValue(LEXICAL).reversed());
        List<Map.Entry<Node, Node>> greatest = new ArrayList<>();
        for (Map.Entry<NodeId, Node> entry : byValue) {
            if (greatest.size() >= limit && LEXICAL.compare(entry.getValue(), greatest.get(limit - 1).getValue()) < 0) {
                break;
            }
            greatest.add(Map.entry(node(entry.getKey()), entry.getValue()));
        }
        greatest.sort(LATEST_FIRST);
        return List.copyOf(greatest.subList(0, Math.min(limit, greatest.size())));
    }

    private Set<NodeId> typed(Set<Node> types) {
        Set<NodeId> subjects = new HashSet<>();
        for (Node type : types) {
            find(Node.ANY, Node.ANY, RDF.type.asNode(), type).forEachRemaining(quad -> subjects.add(quad.get(SUBJECT)));
        }
        return subjects;
    }

    /** The quads matching the pattern as node ids, each checked against the cancel signal. */
    private Iterator<Tuple<NodeId>> find(Node graph, Node subject, Node predicate, Node object) {
        return CancellableReads.checked(quads.findAsNodeIds(graph, subject, predicate, object), cancelSignal);
    }

    private Node node(NodeId id) {
        return decoded.computeIfAbsent(id, quads.getNodeTable()::getNodeForNodeId);
    }
}
