package org.medkg.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.medkg.rdf.MKG;
import org.medkg.store.PatternReads;

/**
 * What the store says about one IRI, as one graph a reader can use on its own:
 * <ul>
 * <li>every triple with the IRI as subject, from every document's graph (the union, each triple once): its types
 * and values, and its links to other nodes (an event's speakers, a person's city);</li>
 * <li>every triple pointing at it ({@code ?s ?p <iri>}): a person's events, an organization's members, and the
 * documents that mention it ({@code ?doc mkg:mentions <iri>}), which is the provenance;</li>
 * <li>the type and the names (rdfs:label, skos:prefLabel, dcterms:title, in every language) of each node on the
 * other end of those triples, so that links can be shown by name;</li>
 * <li>in full, each {@code mkg:Evidence} node pointing at it (as mkg:subject, mkg:object, or for a document
 * mkg:inDocument): the quoted sentence and its document, so a fact can be checked.</li>
 * </ul>
 * A document's IRI is also its graph's name, so its description holds the document node and what its graph
 * says of it, with its evidence (whose hash IRIs {@code doc#evidence-…} dereference to the document).
 *
 * <p>What points at an entity grows with the documents that name it (every mention, every piece of evidence), and
 * what an entity links to with the documents that add to it (an event that many reports merge has their speakers
 * all), so those links come in pages of {@value #LINKS_PER_PAGE}: first the entity's own, ordered by property and then
 * by object, then those pointing at it, ordered by property and then by subject. Its types and values are on every
 * page.
 */
public final class Descriptions {

    /** Links from or to the described IRI on one page of its description. */
    public static final int LINKS_PER_PAGE = 100;
    /** The order of the entity's own links: by property, then by object. */
    private static final Comparator<Triple> LINKS_OUT_ORDER = Comparator
            .comparing((Triple triple) -> PatternReads.orderText(triple.getPredicate()))
            .thenComparing(triple -> PatternReads.orderText(triple.getObject()));

    /**
     * One page of a description.
     *
     * @param graph the triples of this page
     * @param links how many distinct triples link the IRI to another node, from it or to it, over all pages
     * @param more whether a later page holds more of them
     */
    public record Page(Graph graph, int links, boolean more) {
    }

    /** What is copied of a node at the other end of a link: enough to show it by name and kind. */
    private static final List<Node> NAMING = List.of(RDF.type.asNode(), RDFS.label.asNode(),
            SKOS.prefLabel.asNode(), DCTerms.title.asNode());
    /**
     * The most nodes whose naming triples a kept map given to {@link #describe(DatasetGraph, Node, int, Map)} takes
     * (some hundreds of bytes each); those linked first, the hubs most descriptions link to, stay.
     */
    static final int MOST_NAMED_KEPT = 20_000;

    private Descriptions() {
    }

    /** The first page of the description of {@code iri}; empty when nothing in the store has it. */
    public static Optional<Graph> describe(DatasetGraph dataset, Node iri) {
        return describe(dataset, iri, 1).map(Page::graph);
    }

    /**
     * The {@code page}-th page (from 1) of the description of {@code iri}, read in one read transaction; empty when
     * nothing in the store has it, or when the page is past the last one.
     */
    public static Optional<Page> describe(DatasetGraph dataset, Node iri, int page) {
        return describe(dataset, iri, page, new HashMap<>());
    }

    /**
     * As {@link #describe(DatasetGraph, Node, int)}, with the naming triples of linked nodes read before (each node's
     * types and names, by node) in {@code naming}, where those read now are added: every document that names a hub
     * repeats them, so reading them costs as many quads as those documents, in every description that links to it.
     * The caller keeps the map only while no write touches those nodes as subjects.
     */
    public static Optional<Page> describe(DatasetGraph dataset, Node iri, int page, Map<Node, List<Triple>> naming) {
        return describe(dataset, iri, page, naming, Optional.empty());
    }

    /**
     * As {@link #describe(DatasetGraph, Node, int, Map)}, cut from the triples pointing at {@code iri} found before
     * ({@link #pointingAt}): an entity that many documents link to has one for each of them, and reading them all
     * again for each page cost 0.7 s for the hematology center at 1,000 copies of the corpus. They are read again
     * if the store has been compacted since. The caller keeps them only while no write touches {@code iri} as object.
     */
    public static Optional<Page> describe(DatasetGraph dataset, Node iri, int page, Map<Node, List<Triple>> naming,
                                          PatternReads.Links pointing) {
        return describe(dataset, iri, page, naming, Optional.of(pointing));
    }

    /** The triples pointing at {@code iri}, read in one read transaction, in the order pages cut them. */
    public static PatternReads.Links pointingAt(DatasetGraph dataset, Node iri) {
        return Txn.calculateRead(dataset, () -> PatternReads.of(dataset).pointingAt(iri));
    }

    private static Optional<Page> describe(DatasetGraph dataset, Node iri, int page, Map<Node, List<Triple>> naming,
                                           Optional<PatternReads.Links> pointing) {
        if (page < 1) {
            throw new IllegalArgumentException("page " + page + ": pages are counted from 1");
        }
        return Txn.calculateRead(dataset, () -> describeInTransaction(dataset, iri, page, naming, pointing));
    }

    /** Whether anything in the store has {@code iri} as its subject or object. */
    public static boolean isKnown(DatasetGraph dataset, Node iri) {
        return Txn.calculateRead(dataset, () -> dataset.contains(Node.ANY, iri, Node.ANY, Node.ANY)
                || dataset.contains(Node.ANY, Node.ANY, Node.ANY, iri));
    }

    private static Optional<Page> describeInTransaction(DatasetGraph dataset, Node iri, int page,
                                                        Map<Node, List<Triple>> naming,
                                                        Optional<PatternReads.Links> found) {
        // Triples over the union of the documents' graphs, each once however many documents state it (a country's
        // label is in every document that names it); by node id in TDB2.
        PatternReads reads = PatternReads.of(dataset);
        Graph description = Publishing.newGraph();
        Set<Node> linked = new LinkedHashSet<>();
        List<Triple> own = reads.triples(iri, Node.ANY, Node.ANY);
        List<Triple> linksOut = own.stream().filter(Descriptions::isLinkOut).sorted(LINKS_OUT_ORDER).toList();
        own.stream().filter(triple -> !isLinkOut(triple)).forEach(triple -> {
            description.add(triple);
            if (!triple.getObject().isLiteral()) {
                linked.add(triple.getObject());
            }
        });
        PatternReads.Links pointing = found.filter(links -> links.readableWith(reads))
                .orElseGet(() -> reads.pointingAt(iri));
        if (own.isEmpty() && pointing.size() == 0) {
            return Optional.empty();
        }
        long links = (long) linksOut.size() + pointing.size();
        long from = (long) (page - 1) * LINKS_PER_PAGE;
        if (page > 1 && from >= links) {
            return Optional.empty();
        }
        int to = (int) Math.min(from + LINKS_PER_PAGE, links);
        for (Triple triple : linksOut.subList((int) Math.min(from, linksOut.size()), Math.min(to, linksOut.size()))) {
            description.add(triple);
            linked.add(triple.getObject());
        }
        if (to > linksOut.size()) {
            int fromPointing = (int) Math.max(0, from - linksOut.size());
            pointing.slice(reads, fromPointing, to - linksOut.size() - fromPointing).forEach(triple -> {
                description.add(triple);
                linked.add(triple.getSubject());
            });
        }
        for (Node node : linked) {
            if (isEvidence(reads, node)) {
                reads.triples(node, Node.ANY, Node.ANY).forEach(description::add);
            } else {
                naming(reads, node, naming).forEach(description::add);
            }
        }
        return Optional.of(new Page(description, (int) links, to < links));
    }

    /** A triple of the entity's own that links it to another node: paged, unlike its types and values. */
    private static boolean isLinkOut(Triple triple) {
        return !triple.getObject().isLiteral() && !triple.getPredicate().equals(RDF.type.asNode());
    }

    /** The node's types and names, from {@code naming} or read and added there (within its bound). */
    private static List<Triple> naming(PatternReads reads, Node node, Map<Node, List<Triple>> naming) {
        List<Triple> known = naming.get(node);
        if (known != null) {
            return known;
        }
        List<Triple> read = new ArrayList<>();
        for (Node property : NAMING) {
            read.addAll(reads.triples(node, property, Node.ANY));
        }
        if (naming.size() < MOST_NAMED_KEPT) {
            naming.put(node, List.copyOf(read));
        }
        return read;
    }

    private static boolean isEvidence(PatternReads reads, Node node) {
        return reads.contains(Node.ANY, node, RDF.type.asNode(), MKG.Evidence);
    }
}
