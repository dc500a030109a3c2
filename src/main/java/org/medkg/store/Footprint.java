package org.medkg.store;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * What a piece of work read of the store, as far as a write could have changed it: the nodes it looked up as
 * subject or object, the predicates it read whatever their subject and object, or everything. Every quad it read
 * matches one of them, so a write whose quads match none (see {@link VersionedStore#unchangedFor}) left what it
 * computed as it was.
 */
public final class Footprint {
    /** The footprint of work that read, or may have read, any quad. */
    public static final Footprint EVERYTHING = new Footprint(Set.of(), Set.of(), true);

    private final Set<Node> nodes;
    private final Set<Node> predicates;
    private final boolean everything;

    private Footprint(Set<Node> nodes, Set<Node> predicates, boolean everything) {
        this.nodes = nodes;
        this.predicates = predicates;
        this.everything = everything;
    }

    /** Whether a write of {@code quad}, added or deleted, could have changed what the work read. */
    boolean covers(Quad quad) {
        return everything || nodes.contains(quad.getSubject()) || nodes.contains(quad.getObject())
                || predicates.contains(quad.getPredicate());
    }

    /** What this work and {@code other} read together. */
    public Footprint and(Footprint other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        Set<Node> allNodes = new HashSet<>(nodes);
        allNodes.addAll(other.nodes);
        Set<Node> allPredicates = new HashSet<>(predicates);
        allPredicates.addAll(other.predicates);
        return new Footprint(Set.copyOf(allNodes), Set.copyOf(allPredicates), false);
    }

    /** The nodes looked up as subject or object, and the predicates read whole: what it costs to keep it. */
    public int size() {
        return nodes.size() + predicates.size();
    }

    /** Gathers a footprint one lookup at a time; for one piece of work on one thread. */
    public static final class Recorder {
        private final Set<Node> nodes = new HashSet<>();
        private final Set<Node> predicates = new HashSet<>();
        private boolean everything;

        /**
         * A lookup of the quads matching the pattern, in any graph; a part that is {@link Node#ANY}, a variable or
         * null matches anything. The subject, else the object, else the predicate is enough to tell the quads apart.
         */
        public void lookup(Node subject, Node predicate, Node object) {
            if (given(subject)) {
                nodes.add(subject);
            } else if (given(object)) {
                nodes.add(object);
            } else if (given(predicate)) {
                predicates.add(predicate);
            } else {
                everything = true;
            }
        }

        /** Work whose reads cannot be told by their patterns (a service, a text search, the graphs' names). */
        public void everything() {
            everything = true;
        }

        public Footprint footprint() {
            return everything ? EVERYTHING : new Footprint(Set.copyOf(nodes), Set.copyOf(predicates), false);
        }

        private static boolean given(Node node) {
            return node != null && node.isConcrete();
        }
    }
}
