package org.medkg.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.medkg.rdf.MKG;
import org.medkg.store.Footprint;
import org.medkg.store.NodeIdScans;
import org.medkg.store.PatternReads;

/**
 * Reads the store for one page, in the page's language: every call must run inside a read transaction. Facts are
 * read as quads, so the graph of each, the document that stated it, comes with it (GRAPH.md: one named graph per
 * document). Labels and kinds are remembered, since one page asks for the same ones often, and so do the pages
 * after it as long as the store does not change ({@link NodeMemo}).
 */
final class StoreReader {
    private final PageLanguage language;
    private final Hrefs hrefs;
    private final Map<Node, String> labels;
    private final Map<Node, Kind> kinds;
    private final Map<Node, List<String>> names;
    /** By node id when the store is TDB2: each node is decoded once for the page. */
    private final PatternReads reads;
    /** Where each lookup is told, for work kept across writes; null when it is not. */
    private final Footprint.Recorder recorder;

    /**
     * @param known    the kinds and labels known already, where those read here are added
     * @param recorder told every lookup, kinds known already included; null for none
     */
    StoreReader(DatasetGraph dataset, PageLanguage language, Hrefs hrefs, NodeMemo.Known known,
                Footprint.Recorder recorder) {
        this.language = language;
        this.hrefs = hrefs;
        this.labels = known.labels(language.language());
        this.kinds = known.kinds();
        this.names = known.names(language.language());
        this.reads = PatternReads.of(dataset);
        this.recorder = recorder;
    }

    Hrefs hrefs() {
        return hrefs;
    }

    /** How many distinct subjects are stated, in any graph, to have one of {@code types}: by node id in TDB2. */
    long countTyped(Set<Node> types) {
        types.forEach(type -> looked(Node.ANY, RDF.type.asNode(), type));
        return reads instanceof NodeIdScans scans ? scans.countTyped(types) : typed(types).size();
    }

    /**
     * The subjects of one of {@code types} with their least value of {@code predicate} (an event's earliest start
     * date), the greatest values first (ties by IRI), at most {@code limit}: by node id in TDB2.
     */
    List<Map.Entry<Node, Node>> greatestLeastValues(Set<Node> types, Node predicate, int limit) {
        types.forEach(type -> looked(Node.ANY, RDF.type.asNode(), type));
        looked(Node.ANY, predicate, Node.ANY);
        if (reads instanceof NodeIdScans scans) {
            return scans.greatestLeastValues(types, predicate, limit);
        }
        return typed(types).stream()
                .flatMap(subject -> leastValue(subject, predicate).map(value -> Map.entry(subject, value)).stream())
                .sorted(NodeIdScans.LATEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** The subjects of one of {@code types}, each once, read quad by quad. */
    private Set<Node> typed(Set<Node> types) {
        Set<Node> members = new LinkedHashSet<>();
        types.forEach(type -> reads.quads(Node.ANY, Node.ANY, RDF.type.asNode(), type)
                .forEach(quad -> members.add(quad.getSubject())));
        return members;
    }

    /** Quads of the documents' graphs matching the pattern (the default graph holds no document's facts). */
    List<Quad> quads(Node graph, Node subject, Node predicate, Node object) {
        looked(subject, predicate, object);
        return reads.quads(graph, subject, predicate, object);
    }

    /**
     * Triples matching the pattern over the union of the documents' graphs, each once however many documents state
     * it: what a page needs to choose its rows before it reads who stated them.
     */
    List<Triple> triples(Node subject, Node predicate, Node object) {
        looked(subject, predicate, object);
        return reads.triples(subject, predicate, object);
    }

    /** Objects of the subject's triples with this predicate over every document, one per stating document. */
    List<Node> objects(Node subject, Node predicate) {
        return quads(Node.ANY, subject, predicate, Node.ANY).stream().map(Quad::getObject).toList();
    }

    boolean exists(Node subject) {
        return contains(Node.ANY, subject, Node.ANY, Node.ANY);
    }

    Set<Node> types(Node node) {
        Set<Node> types = new LinkedHashSet<>();
        triples(node, RDF.type.asNode(), Node.ANY).forEach(triple -> types.add(triple.getObject()));
        return types;
    }

    /**
     * The first kind whose classes the node has, each class asked for once: not by its types, which every document
     * naming it repeats.
     */
    Kind kind(Node node) {
        // known already or not, the kind was read from the node's types
        looked(node, RDF.type.asNode(), Node.ANY);
        return kinds.computeIfAbsent(node, n -> Arrays.stream(Kind.values())
                .filter(kind -> kind.classes().stream().anyMatch(type -> reads.contains(Node.ANY, n,
                        RDF.type.asNode(), type)))
                .findFirst().orElse(Kind.OTHER));
    }

    /** The name to show: its label in the page's language (or another), else another spelling, else the IRI. */
    String label(Node node) {
        // known already or not, the label was read from the node's own quads
        looked(node, Node.ANY, Node.ANY);
        return labels.computeIfAbsent(node, n -> {
            for (Node property : List.of(RDFS.label.asNode(), DCTerms.title.asNode(), SKOS.altLabel.asNode())) {
                Optional<String> text = Labels.best(objects(n, property), language.language());
                if (text.isPresent()) {
                    return text.get();
                }
            }
            return n.isURI() ? n.getURI() : n.toString();
        });
    }

    /** Every name the entity has in any document, the shown one first, each once. */
    List<String> names(Node node) {
        looked(node, Node.ANY, Node.ANY);
        return names.computeIfAbsent(node, n -> {
            Set<String> found = new LinkedHashSet<>();
            found.add(label(n));
            for (Node property : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
                triples(n, property, Node.ANY).stream().map(Triple::getObject).filter(Node::isLiteral)
                        .map(Node::getLiteralLexicalForm).sorted().forEach(found::add);
            }
            return List.copyOf(found);
        });
    }

    View.Link link(Node node) {
        return new View.Link(hrefs.of(node).orElse(null), label(node), kind(node).key());
    }

    /** A document as the source of a fact, with the sentences of it that the fact was read from. */
    View.Source source(Node document, List<String> quotes) {
        return new View.Source(link(document), quotes);
    }

    /**
     * The sentences a document gave for the statement {@code subject predicate object}: its mkg:Evidence nodes
     * with that subject, predicate and object (or objectValue, for a literal).
     */
    List<String> quotes(Node document, Node subject, Node predicate, Node object) {
        Node objectProperty = object.isLiteral() ? MKG.objectValue : MKG.object;
        return quads(document, Node.ANY, MKG.subject, subject).stream()
                .map(Quad::getSubject)
                .filter(evidence -> contains(document, evidence, MKG.predicate, predicate)
                        && contains(document, evidence, objectProperty, object))
                .flatMap(evidence -> quads(document, evidence, MKG.quote, Node.ANY).stream())
                .map(quad -> quad.getObject().getLiteralLexicalForm())
                .distinct().sorted().toList();
    }

    private boolean contains(Node graph, Node subject, Node predicate, Node object) {
        looked(subject, predicate, object);
        return reads.contains(graph, subject, predicate, object);
    }

    private void looked(Node subject, Node predicate, Node object) {
        if (recorder != null) {
            recorder.lookup(subject, predicate, object);
        }
    }

    /** The earliest start date any document gives the event. */
    Optional<Node> startDate(Node event) {
        return leastValue(event, MKG.startDate);
    }

    /** The least literal value by lexical form that any document gives the subject's {@code predicate}. */
    private Optional<Node> leastValue(Node subject, Node predicate) {
        return triples(subject, predicate, Node.ANY).stream().map(Triple::getObject).filter(Node::isLiteral)
                .min(Comparator.comparing(Node::getLiteralLexicalForm));
    }

    /** A date literal as readers of the page's language write it; other literals as they are. */
    View.DateText date(Node literal) {
        String lexical = literal.getLiteralLexicalForm();
        String datatype = literal.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDdate.getURI().equals(datatype)) {
                return new View.DateText(LocalDate.parse(lexical)
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())),
                        lexical);
            }
            if (XSDDatatype.XSDgYearMonth.getURI().equals(datatype)) {
                return new View.DateText(YearMonth.parse(lexical)
                        .format(DateTimeFormatter.ofPattern("LLLL yyyy", language.locale())), lexical);
            }
        } catch (DateTimeParseException notADate) {
            // An ill-formed date is still worth showing as written.
        }
        return new View.DateText(lexical, lexical);
    }
}
