package org.medkg.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.medkg.lang.Language;
import org.medkg.rdf.MKG;
import org.medkg.rdf.OntologyResources;

/** The ontology as the pages need it: labels and comments of terms per language, and the class hierarchy. */
final class OntologyTerms {
    private static final OntologyTerms INSTANCE = new OntologyTerms(OntologyResources.ontology());

    private final Graph ontology;
    // The bundled ontology never changes, and every page asks for the kinds' classes of many nodes.
    private final Map<Node, Set<Node>> subClasses = new ConcurrentHashMap<>();

    private OntologyTerms(Graph ontology) {
        this.ontology = ontology;
    }

    static OntologyTerms get() {
        return INSTANCE;
    }

    /** The term's label in the language (or another), else its local name. */
    String label(Node term, Language language) {
        return Labels.best(objects(term, RDFS.label.asNode()), language).orElse(localName(term));
    }

    Optional<String> comment(Node term, Language language) {
        return Labels.best(objects(term, RDFS.comment.asNode()), language);
    }

    /** The class and everything below it, following rdfs:subClassOf in the ontology; found once per class. */
    Set<Node> subClassesOf(Node root) {
        return subClasses.computeIfAbsent(root, this::findSubClasses);
    }

    private Set<Node> findSubClasses(Node root) {
        Set<Node> found = new LinkedHashSet<>();
        List<Node> toVisit = new ArrayList<>(List.of(root));
        while (!toVisit.isEmpty()) {
            Node next = toVisit.remove(toVisit.size() - 1);
            if (found.add(next)) {
                ontology.find(Node.ANY, RDFS.subClassOf.asNode(), next)
                        .forEachRemaining(triple -> toVisit.add(triple.getSubject()));
            }
        }
        return Set.copyOf(found);
    }

    /** The medkg terms declared with this rdf:type ({@code owl:Class}, {@code owl:ObjectProperty}…), by IRI. */
    List<Node> termsOfType(Node type) {
        return ontology.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList().stream()
                .filter(term -> term.isURI() && term.getURI().startsWith(MKG.NS))
                .sorted(Comparator.comparing(Node::getURI))
                .toList();
    }

    /** Objects of the term's triples with this predicate, in a stable order. */
    List<Node> objects(Node term, Node predicate) {
        return ontology.find(term, predicate, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(Comparator.comparing(Node::toString))
                .toList();
    }

    static String localName(Node term) {
        String iri = term.isURI() ? term.getURI() : term.toString();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(cut + 1);
    }
}
