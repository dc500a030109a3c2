package org.medkg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
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
    /** The folder of the storage read, which compaction replaces, and with it every node id. */
    private final String storage;
    private final AtomicBoolean cancelSignal;
    /** The nodes decoded so far: a hub's facts name the same documents and things again and again. */
    private final Map<NodeId, Node> decoded = new HashMap<>();

    private NodeIdScans(NodeTupleTable quads, String storage, AtomicBoolean cancelSignal) {
        this.quads = quads;
        this.storage = storage;
        this.cancelSignal = cancelSignal;
    }

    /** The scans of {@code dataset}'s TDB2 store, through any wrappers; empty when it is not one. */
    public static Optional<NodeIdScans> of(DatasetGraph dataset) {
        return storageOf(dataset).map(tdb -> new NodeIdScans(tdb.getQuadTable().getNodeTupleTable(),
                tdb.getLocation().getDirectoryPath(), CancellableReads.cancelSignal(dataset)));
    }

    /**
     * The folder of the TDB2 storage {@code dataset} reads now, through any wrappers; empty when it is not TDB2. Node
     * ids, and what is kept by them ({@link #pointingAt}), hold for that storage only: compaction moves the store to a
     * new one.
     */
    public static Optional<String> storageFolder(DatasetGraph dataset) {
        return storageOf(dataset).map(tdb -> tdb.getLocation().getDirectoryPath());
    }

    private static Optional<DatasetGraphTDB> storageOf(DatasetGraph dataset) {
        // through the gate, the name index's wrapper, the cancellable reads and TDB2's own switchable to its storage
        DatasetGraph store = dataset;
        while (store instanceof DatasetGraphWrapper wrapper) {
            store = wrapper.getWrapped();
        }
        return store instanceof DatasetGraphTDB tdb ? Optional.of(tdb) : Optional.empty();
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
        NodeId[] ids = new NodeId[3];
        Node[] nodes = {subject, predicate, object};
        for (int i = 0; i < 3; i++) {
            ids[i] = Node.ANY.equals(nodes[i]) ? null : quads.getNodeTable().getNodeIdForNode(nodes[i]);
            if (ids[i] != null && NodeId.isDoesNotExist(ids[i])) {
                return List.of();
            }
        }
        // each triple once, read past the repeats of a hub's facts as the union graph's queries read them
        List<Triple> found = new ArrayList<>();
        CancellableReads.checked(DistinctTriples.in(quads.getTupleTable()).matching(ids[0], ids[1], ids[2]),
                cancelSignal).forEachRemaining(quad -> found.add(Triple.create(node(quad.get(SUBJECT)),
                node(quad.get(PREDICATE)), node(quad.get(OBJECT)))));
        return found;
    }

    @Override
    public boolean contains(Node graph, Node subject, Node predicate, Node object) {
        return find(Quad.isUnionGraph(graph) ? Node.ANY : graph, subject, predicate, object).hasNext();
    }

    /**
     * The triples pointing at {@code object}, their subjects held by node id (eight bytes each): the order needs every
     * subject's IRI once, and a page only those it shows.
     */
    @Override
    public Links pointingAt(Node object) {
        Map<NodeId, Set<NodeId>> subjectsByPredicate = new HashMap<>();
        find(Node.ANY, Node.ANY, Node.ANY, object).forEachRemaining(quad -> subjectsByPredicate
                .computeIfAbsent(quad.get(PREDICATE), predicate -> new HashSet<>()).add(quad.get(SUBJECT)));
        record Link(Triple triple, NodeId subject) {
        }
        List<Link> pointing = new ArrayList<>();
        subjectsByPredicate.forEach((predicate, subjects) -> subjects.forEach(subject -> pointing.add(
                new Link(Triple.create(node(subject), node(predicate), object), subject))));
        pointing.sort(Comparator.comparing(Link::triple, LINK_ORDER));
        Node[] predicates = new Node[pointing.size()];
        long[] subjects = new long[pointing.size()];
        for (int i = 0; i < pointing.size(); i++) {
            Link link = pointing.get(i);
            if (!link.subject().isPtr()) {
                throw new IllegalStateException("a subject held by value, not by node id: " + link.triple().getSubject());
            }
            predicates[i] = link.triple().getPredicate();
            subjects[i] = link.subject().getPtrLocation();
        }
        return new IdLinks(storage, object, predicates, subjects);
    }

    /** Links whose subjects are node ids of one storage, decoded for the triples a page shows. */
    private record IdLinks(String storage, Node object, Node[] predicates, long[] subjects) implements Links {
        @Override
        public int size() {
            return subjects.length;
        }

        @Override
        public boolean readableWith(PatternReads reads) {
            return reads instanceof NodeIdScans scans && scans.storage.equals(storage);
        }

        @Override
        public List<Triple> slice(PatternReads reads, int from, int count) {
            if (!readableWith(reads)) {
                throw new IllegalStateException("links found in storage " + storage + " read elsewhere");
            }
            NodeIdScans scans = (NodeIdScans) reads;
            List<Triple> slice = new ArrayList<>();
            for (int i = from; i < Math.min(from + count, subjects.length); i++) {
                slice.add(Triple.create(scans.node(NodeIdFactory.createPtr(subjects[i])), predicates[i], object));
            }
            return slice;
        }
    }

    /** The numbers are node ids; objects held in their ids (numbers, dates) are literals and left out. */
    @Override
    public NodeLinks links(Set<Node> predicates) {
        LongPairs links = new LongPairs();
        for (Node predicate : predicates) {
            find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(quad -> {
                NodeId subject = quad.get(SUBJECT);
                NodeId object = quad.get(OBJECT);
                if (subject.isPtr() && object.isPtr()) {
                    links.add(subject.getPtrLocation(), object.getPtrLocation());
                }
            });
        }
        return links.toLinks(location -> node(NodeIdFactory.createPtr(location)));
    }

    /** The subjects as node ids, never decoded: a center's 20,000 people at 1,000 copies of the corpus. */
    @Override
    public int subjectCount(Node object, Set<Node> predicates) {
        Set<NodeId> subjects = new HashSet<>();
        for (Node predicate : predicates) {
            find(Node.ANY, Node.ANY, predicate, object).forEachRemaining(quad -> subjects.add(quad.get(SUBJECT)));
        }
        return subjects.size();
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
