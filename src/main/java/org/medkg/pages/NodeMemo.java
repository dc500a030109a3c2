package org.medkg.pages;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.medkg.lang.Language;
import org.medkg.store.VersionedStore;

/**
 * The kind, the shown label and the names of the nodes pages show, and the naming triples linked-data descriptions
 * copy of the nodes they link to, kept from page to page for one data version of the store. Every document that
 * names a hub repeats its label and types, so reading them costs as many quads as those documents, on every page
 * that links to the hub: a person's page to the center, a country's to its cities. At most one entry per node and
 * language. Each is read from the node's own quads (its types, labels and names), so when the store changes, those
 * of the subjects the writes touched are dropped, and all of them when the store does not know what a write touched.
 */
public final class NodeMemo {

    /** What is known of nodes for one data version. */
    record Known(long version, Map<Node, Kind> kinds, Map<Language, Map<Node, String>> labels,
                 Map<Language, Map<Node, List<String>>> names, Map<Node, List<Triple>> naming) {
        Known(long version, boolean shared) {
            this(version, shared ? new ConcurrentHashMap<>() : new HashMap<>(),
                    shared ? new ConcurrentHashMap<>() : new HashMap<>(),
                    shared ? new ConcurrentHashMap<>() : new HashMap<>(),
                    shared ? new ConcurrentHashMap<>() : new HashMap<>());
        }

        /** The label shown for each node in a language. */
        Map<Node, String> labels(Language language) {
            return labels.computeIfAbsent(language, l -> new ConcurrentHashMap<>());
        }

        /** Every name of each node, the one shown in a language first. */
        Map<Node, List<String>> names(Language language) {
            return names.computeIfAbsent(language, l -> new ConcurrentHashMap<>());
        }

        /** What of this is still known at {@code later}, whose writes touched only {@code written} subjects. */
        Known asOf(long later, Set<Node> written) {
            Known kept = new Known(later, true);
            keepUnwritten(kinds, kept.kinds, written);
            keepUnwritten(naming, kept.naming, written);
            labels.forEach((language, byNode) -> keepUnwritten(byNode, kept.labels(language), written));
            names.forEach((language, byNode) -> keepUnwritten(byNode, kept.names(language), written));
            return kept;
        }

        private static <V> void keepUnwritten(Map<Node, V> known, Map<Node, V> kept, Set<Node> written) {
            known.forEach((node, value) -> {
                if (!written.contains(node)) {
                    kept.put(node, value);
                }
            });
        }
    }

    /** Null for a store written by others, whose changes this server does not see. */
    private final VersionedStore store;
    private final AtomicReference<Known> known = new AtomicReference<>();

    /** @param store whose data version changes with every write */
    public NodeMemo(VersionedStore store) {
        this.store = requireNonNull(store, "store");
    }

    private NodeMemo() {
        this.store = null;
    }

    /** Nothing kept between pages: for a store written by others, whose changes this server does not see. */
    public static NodeMemo none() {
        return new NodeMemo();
    }

    /**
     * The triples a description copies of each node it links to (see {@code publish.Descriptions}), as of the
     * store's data version now; a fresh map when nothing is kept.
     */
    public Map<Node, List<Triple>> namingTriples() {
        return now().naming();
    }

    /** What is known as of the store's data version now; a fresh, unshared memo when nothing is kept. */
    Known now() {
        if (store == null) {
            return new Known(-1, false);
        }
        long current = store.dataVersion();
        return known.updateAndGet(kept -> kept == null || kept.version() > current ? new Known(current, true)
                : kept.version() == current ? kept
                : store.subjectsWritten(kept.version(), current).map(written -> kept.asOf(current, written))
                        .orElseGet(() -> new Known(current, true)));
    }
}
