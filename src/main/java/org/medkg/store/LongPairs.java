package org.medkg.store;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.apache.jena.graph.Node;

/** Pairs of numbers gathered one by one into two growing arrays: links read before their count is known. */
final class LongPairs {
    private long[] firsts = new long[1024];
    private long[] seconds = new long[1024];
    private int size;

    void add(long first, long second) {
        if (size == firsts.length) {
            firsts = Arrays.copyOf(firsts, size * 2);
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        firsts[size] = first;
        seconds[size] = second;
        size++;
    }

    /** The pairs as links from their firsts to their seconds, each number decoded by {@code node}. */
    NodeLinks toLinks(LongFunction<Node> node) {
        return new NodeLinks(Arrays.copyOf(firsts, size), Arrays.copyOf(seconds, size), node);
    }
}
