package org.medkg.pages;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.jena.graph.Node;
import org.medkg.lang.Language;

/**
 * The kind, the shown label and the names of the nodes pages show, kept from page to page for one data version of the store.
 * Every document that names a hub repeats its label and types, so reading them costs as many quads as those
 * documents, on every page that links to the hub: a person's page to the center, a country's to its cities. At most
 * one entry per node and language; all are dropped when the store changes.
 */
public final class NodeMemo {

    /** What is known of nodes for one data version. */
    record Known(long version, Map<Node, Kind> kinds, Map<Language, Map<Node, String>> labels,
                 Map<Language, Map<Node, List<String>>> names) {
        Known(long version, boolean shared) {
            this(version, shared ? new ConcurrentHashMap<>() : new HashMap<>(),
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
    }

    private final LongSupplier version;
    private final AtomicReference<Known> known = new AtomicReference<>();

    /** @param version the store's data version, which changes with every write */
    public NodeMemo(LongSupplier version) {
        this.version = requireNonNull(version, "version");
    }

    /** Nothing kept between pages: for a store written by others, whose changes this server does not see. */
    public static NodeMemo none() {
        return new NodeMemo(() -> -1);
    }

    /** What is known as of the store's data version now; a fresh, unshared memo when nothing is kept. */
    Known now() {
        long current = version.getAsLong();
        if (current < 0) {
            return new Known(current, false);
        }
        return known.updateAndGet(kept -> kept != null && kept.version() == current ? kept
                : new Known(current, true));
    }
}
