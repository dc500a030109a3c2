package org.medkg.lang;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a pure function of a word gave, for the morphologies: the same words come back in every
 * sentence and every document, and a dictionary lookup or a suffix search costs far more than a map lookup.
 * Shared by the conversion workers; bounded, so that a long batch of documents cannot grow it without end
 * (past {@code capacity} words it starts afresh, which only costs the lookups again).
 */
public final class WordCache<V> {

    private final Function<String, V> compute;
    private final int capacity;
    private final Map<String, V> known = new ConcurrentHashMap<>();

    public WordCache(Function<String, V> compute, int capacity) {
        this.compute = compute;
        this.capacity = capacity;
    }

    public V get(String word) {
        V value = known.get(word);
        if (value == null) {
            value = compute.apply(word);
            if (known.size() >= capacity) {
                known.clear();
            }
            known.put(word, value);
        }
        return value;
    }
}
