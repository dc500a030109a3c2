package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.util.function.LongFunction;
import org.apache.jena.graph.Node;

/**
 * Links of a kind (every person at every event) as the store states them, each node held as a number of the read
 * that found them and decoded only when asked: at 1,000 copies of the corpus such links are millions, too many to
 * hold as nodes. A link stated by several graphs or predicates is here as often as it is stated.
 *
 * @param subjects the links' subjects, as numbers
 * @param objects  the links' objects, as numbers, in the same order
 * @param node     the node a number stands for
 */
public record NodeLinks(long[] subjects, long[] objects, LongFunction<Node> node) {

    public NodeLinks {
        requireNonNull(subjects, "subjects");
        requireNonNull(objects, "objects");
        requireNonNull(node, "node");
        if (subjects.length != objects.length) {
            throw new IllegalArgumentException(subjects.length + " subjects for " + objects.length + " objects");
        }
    }

    /** How many links were stated. */
    public int size() {
        return subjects.length;
    }
}
