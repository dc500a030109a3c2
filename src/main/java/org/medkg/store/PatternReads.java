package org.medkg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The store read pattern by pattern for one piece of work (a page, a description), inside its read transaction:
 * by node id for a TDB2 store ({@link NodeIdScans}), through {@link DatasetGraph#find} for any other (a remote one).
 * The default graph holds no document's facts and is not read.
 */
public interface PatternReads {

    /** Reads of {@code dataset}: by node id when it is a TDB2 store, through any wrappers. */
    static PatternReads of(DatasetGraph dataset) {
        return NodeIdScans.of(dataset).<PatternReads>map(scans -> scans).orElseGet(() -> new DatasetReads(dataset));
    }

    /**
     * The quads of the documents' graphs matching the pattern ({@link Quad#unionGraph} for the graph: the matching
     * triples of every graph, each once, in that graph).
     */
    List<Quad> quads(Node graph, Node subject, Node predicate, Node object);

    /** The triples matching the pattern in any document's graph, each once however many state it. */
    List<Triple> triples(Node subject, Node predicate, Node object);

    /** Whether a document's graph ({@code graph}, or any) holds a quad matching the pattern. */
    boolean contains(Node graph, Node subject, Node predicate, Node object);

    /**
     * The distinct triples pointing at {@code object} in any document's graph, in {@link #LINK_ORDER}: what a
     * description's pages of an entity are cut from.
     */
    Links pointingAt(Node object);

    /**
     * The links of {@code predicates} in any document's graph, as numbers of this read: what counting over a whole
     * graph's links (people who met) reads, without a node for each. Links to literals may be left out.
     */
    NodeLinks links(Set<Node> predicates);

    /**
     * How many distinct subjects link to {@code object} by one of {@code predicates}, in any document's graph: a
     * hub's count (a center's people) without a row for each of its links.
     */
    int subjectCount(Node object, Set<Node> predicates);

    /** The order of {@link #pointingAt}: by predicate, then by subject, each by its {@link #orderText}. */
    Comparator<Triple> LINK_ORDER = Comparator.comparing((Triple triple) -> orderText(triple.getPredicate()))
            .thenComparing(triple -> orderText(triple.getSubject()));

    /** What a node sorts by among links: its IRI, a blank node its label. */
    static String orderText(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }

    /** The triples pointing at one node, in order, as {@link #pointingAt} found them. */
    interface Links {
        /** How many triples point at the node. */
        int size();

        /** Whether {@code reads} can read these: they are reads of the store, and its storage, they were found in. */
        boolean readableWith(PatternReads reads);

        /** The triples from {@code from} (counted from 0), at most {@code count}, read with {@code reads}. */
        List<Triple> slice(PatternReads reads, int from, int count);
    }

    /** Links held as triples: from a store not read by node id. */
    record LinkList(List<Triple> triples) implements Links {
        @Override
        public int size() {
            return triples.size();
        }

        @Override
        public boolean readableWith(PatternReads reads) {
            return true;
        }

        @Override
        public List<Triple> slice(PatternReads reads, int from, int count) {
            return triples.subList(Math.min(from, triples.size()), Math.min(from + count, triples.size()));
        }
    }

    /** Reads through the dataset's own {@code find}. */
    final class DatasetReads implements PatternReads {
        private final DatasetGraph dataset;

        private DatasetReads(DatasetGraph dataset) {
            this.dataset = dataset;
        }

        @Override
        public List<Quad> quads(Node graph, Node subject, Node predicate, Node object) {
            List<Quad> found = new ArrayList<>();
            dataset.find(graph, subject, predicate, object).forEachRemaining(quad -> {
                if (!quad.isDefaultGraph()) {
                    found.add(quad);
                }
            });
            return found;
        }

        @Override
        public List<Triple> triples(Node subject, Node predicate, Node object) {
            List<Triple> found = new ArrayList<>();
            dataset.find(Quad.unionGraph, subject, predicate, object).forEachRemaining(quad -> found.add(quad.asTriple()));
            return found;
        }

        @Override
        public boolean contains(Node graph, Node subject, Node predicate, Node object) {
            return dataset.contains(graph, subject, predicate, object);
        }

        @Override
        public Links pointingAt(Node object) {
            List<Triple> pointing = new ArrayList<>(triples(Node.ANY, Node.ANY, object));
            pointing.sort(LINK_ORDER);
            return new LinkList(List.copyOf(pointing));
        }

        @Override
        public int subjectCount(Node object, Set<Node> predicates) {
            Set<Node> subjects = new HashSet<>();
            for (Node predicate : predicates) {
                dataset.find(Quad.unionGraph, Node.ANY, predicate, object)
                        .forEachRemaining(quad -> subjects.add(quad.getSubject()));
            }
            return subjects.size();
        }

        /** Numbers the nodes as found: a store read this way (a remote one) has no numbers of its own. */
        @Override
        public NodeLinks links(Set<Node> predicates) {
            Map<Node, Long> numbers = new HashMap<>();
            List<Node> nodes = new ArrayList<>();
            Function<Node, Long> number = node -> numbers.computeIfAbsent(node, added -> {
                nodes.add(added);
                return (long) nodes.size() - 1;
            });
            LongPairs links = new LongPairs();
            for (Node predicate : predicates) {
                dataset.find(Quad.unionGraph, Node.ANY, predicate, Node.ANY).forEachRemaining(quad -> {
                    if (!quad.getObject().isLiteral()) {
                        links.add(number.apply(quad.getSubject()), number.apply(quad.getObject()));
                    }
                });
            }
            return links.toLinks(index -> nodes.get((int) index));
        }
    }
}
