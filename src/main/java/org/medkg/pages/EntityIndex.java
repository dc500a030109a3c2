package org.medkg.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.medkg.store.Footprint;

/**
 * What every page of one entity is cut from, in no language: its kind and types, each section's facts in the order
 * shown, each with the first documents that state it, what it is the same as, and the documents that mention it in
 * the order of their IRIs.
 * Finding these reads every quad about the entity, as many as the documents naming it; cutting a page from them
 * reads only the page's rows (their labels and sentences), so a server keeps the index of a hub between writes, and
 * across the writes that changed nothing it read ({@link #read}).
 */
public final class EntityIndex {

    /**
     * One row of a section by its keys alone: the property (when the section shows roles), what it links to or its
     * value (a literal by its text, so that the same text from two documents is one row), and the thing in between.
     */
    record Fact(Node predicate, Node other, Node via) {
    }

    /**
     * A fact with the statements of the first {@value Views#SOURCES_PER_FACT} documents that state it, by the
     * document's IRI, and how many documents state it in all.
     */
    record Stated(Fact fact, List<Quad> firstSources, int documents) {
    }

    private final Kind kind;
    private final Set<Node> types;
    private final Map<String, List<Stated>> sections;
    private final List<Node> sameAs;
    private final List<Node> documents;
    private final Footprint read;

    EntityIndex(Kind kind, Set<Node> types, Map<String, List<Stated>> sections, List<Node> sameAs,
                List<Node> documents, Footprint read) {
        this.kind = kind;
        this.types = Set.copyOf(types);
        this.sections = Map.copyOf(sections);
        this.sameAs = List.copyOf(sameAs);
        this.documents = List.copyOf(documents);
        this.read = read;
    }

    Kind kind() {
        return kind;
    }

    Set<Node> types() {
        return types;
    }

    /** The section's facts in the order shown; none when the entity has none. */
    List<Stated> section(String id) {
        return sections.getOrDefault(id, List.of());
    }

    /** What the entity is the same as elsewhere (a city's GeoNames and Wikidata IRIs), each once. */
    List<Node> sameAs() {
        return sameAs;
    }

    List<Node> documents() {
        return documents;
    }

    /** How many rows its longest list (a section, or the documents) has: more than a page's make it a hub. */
    public long longest() {
        return Math.max(documents.size(), sections.values().stream().mapToLong(List::size).max().orElse(0));
    }

    /** What finding it read of the store: every node it looked up, the entity's neighbours and theirs. */
    public Footprint read() {
        return read;
    }

    /** Facts, sources, documents and the nodes read: what keeping it costs. */
    public long size() {
        return documents.size() + sameAs.size() + read.size() + sections.values().stream().flatMap(List::stream)
                .mapToLong(stated -> 1 + stated.firstSources().size()).sum();
    }
}
