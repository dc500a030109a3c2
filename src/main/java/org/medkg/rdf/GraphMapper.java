package org.medkg.rdf;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.medkg.analyze.DocumentAnalysis;
import org.medkg.analyze.LocalEntity;
import org.medkg.analyze.Relation;
import org.medkg.document.SourceDocument;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.gazetteer.Place;
import org.medkg.lang.Language;
import org.medkg.recognize.EntityKind;

/**
 * Writes one document's entities and relations as the triples of its named graph (shared/contract/GRAPH.md),
 * into a {@link StreamRDF} so that one code path feeds a file, a test or a store.
 */
public final class GraphMapper {

    private static final Set<String> PERSON_LITERALS = Set.of("position", "degree", "academicTitle");
    private static final Set<String> EXPERT_SIGNS = Set.of("degree", "academicTitle", "speaker");

    private final Map<LocalEntity, String> iris;
    private final Map<LocalEntity, String> labels;
    private final Gazetteer gazetteer;
    private final String placeBase;

    /**
     * @param iris   the IRI of every entity that gets one (entities without one are left out)
     * @param labels the canonical label chosen for an entity across the documents converted together
     */
    public GraphMapper(Map<LocalEntity, String> iris, Map<LocalEntity, String> labels, Gazetteer gazetteer,
                       String placeBase) {
        this.iris = iris;
        this.labels = labels;
        this.gazetteer = gazetteer;
        this.placeBase = placeBase;
    }

    public void write(DocumentAnalysis analysis, String documentIri, StreamRDF out) {
        SourceDocument doc = analysis.document();
        String lang = doc.language().code();
        Node document = NodeFactory.createURI(documentIri);
        Node graph = document;
        QuadWriter w = new QuadWriter(out, graph);
        w.add(document, RDF.type.asNode(), MKG.Document);
        w.add(document, MKG.sourceFile, NodeFactory.createLiteralString(doc.sourceFile()));
        w.add(document, MKG.language, NodeFactory.createLiteralString(lang));
        w.add(document, MKG.sha256, NodeFactory.createLiteralString(doc.sha256()));
        if (doc.title() != null) {
            w.add(document, DCTerms.title.asNode(), NodeFactory.createLiteralLang(doc.title(), lang));
        }
        if (doc.published() != null) {
            w.add(document, MKG.published, NodeFactory.createLiteralDT(doc.published().toString(), XSDDatatype.XSDdate));
        }
        for (LocalEntity entity : analysis.entities()) {
            Node node = node(entity);
            if (node == null) {
                continue;
            }
            w.add(document, MKG.mentions, node);
            for (Node type : types(entity, analysis)) {
                w.add(node, RDF.type.asNode(), type);
            }
            Optional<Place> place = Optional.ofNullable(entity.attribute("placeId")).flatMap(gazetteer::place);
            String label = place.map(p -> p.canonicalName(doc.language())).orElse(labels.getOrDefault(entity, entity.label()));
            w.add(node, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, lang));
            for (String alt : entity.altLabels()) {
                if (!alt.equals(label)) {
                    w.add(node, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(alt, lang));
                }
            }
            if (!entity.label().equals(label)) {
                w.add(node, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(entity.label(), lang));
            }
            place.ifPresent(p -> placeFacts(w, node, p, doc.language()));
            if (entity.kind() == EntityKind.PERSON) {
                literal(w, node, MKG.familyName, entity.attribute("family"));
                literal(w, node, MKG.givenName, entity.attribute("given"));
                literal(w, node, MKG.patronymic, entity.attribute("patronymic"));
            }
            if (entity.kind() == EntityKind.EVENT) {
                date(w, node, MKG.startDate, entity.attribute("start"));
                date(w, node, MKG.endDate, entity.attribute("end"));
            }
        }
        for (Relation r : analysis.relations()) {
            Node subject = node(r.subject());
            Node property = NodeFactory.createURI(MKG.NS + r.property());
            if (subject == null) {
                continue;
            }
            Node object = r.object() != null ? node(r.object())
                    : PERSON_LITERALS.contains(r.property()) ? NodeFactory.createLiteralLang(r.literal(), lang) : null;
            if (object == null) {
                continue;
            }
            w.add(subject, property, object);
            evidence(w, document, documentIri, subject, property, object, r.evidence(), lang);
        }
    }

    /**
     * The sentence a relation was read from, as a node beside it in the same graph; its IRI is a hash of the
     * relation under the document's IRI, so a re-conversion gives the same node.
     */
    private static void evidence(QuadWriter w, Node document, String documentIri, Node subject, Node property,
                                 Node object, String sentence, String lang) {
        String id = Integer.toHexString((subject + " " + property + " " + object).hashCode());
        Node evidence = NodeFactory.createURI(documentIri + "#evidence-" + id);
        w.add(evidence, RDF.type.asNode(), MKG.Evidence);
        w.add(evidence, MKG.subject, subject);
        w.add(evidence, MKG.predicate, property);
        w.add(evidence, object.isLiteral() ? MKG.objectValue : MKG.object, object);
        w.add(evidence, MKG.quote, NodeFactory.createLiteralLang(sentence, lang));
        w.add(evidence, MKG.inDocument, document);
    }

    /** The country a city lies in, and the GeoNames and Wikidata entries known for certain to be the place. */
    private void placeFacts(QuadWriter w, Node node, Place place, Language language) {
        place.countryId().flatMap(gazetteer::place).ifPresent(country -> {
            Node countryNode = NodeFactory.createURI(placeBase + country.id());
            w.add(node, MKG.country, countryNode);
            // The country is typed and labelled here too, so that the graph holds what its links point at.
            w.add(countryNode, RDF.type.asNode(), MKG.Country);
            w.add(countryNode, RDFS.label.asNode(), NodeFactory.createLiteralLang(country.canonicalName(language), language.code()));
        });
        place.geonamesId().ifPresent(id -> w.add(node, OWL.sameAs.asNode(),
                NodeFactory.createURI("https://sws.geonames.org/" + id + "/")));
        place.wikidataId().ifPresent(id -> w.add(node, OWL.sameAs.asNode(),
                NodeFactory.createURI("http://www.wikidata.org/entity/" + id)));
    }

    private Node node(LocalEntity entity) {
        String iri = iris.get(entity);
        return iri == null ? null : NodeFactory.createURI(iri);
    }

    private static Node[] types(LocalEntity entity, DocumentAnalysis analysis) {
        return switch (entity.kind()) {
            case PERSON -> isExpert(entity, analysis) ? new Node[] {MKG.Person, MKG.Expert} : new Node[] {MKG.Person};
            case ORGANIZATION -> new Node[] {MKG.Organization};
            case CITY -> new Node[] {MKG.City};
            case COUNTRY -> new Node[] {MKG.Country};
            case EVENT -> new Node[] {MKG.eventClass(entity.attribute("type"))};
            default -> new Node[0];
        };
    }

    private static boolean isExpert(LocalEntity person, DocumentAnalysis analysis) {
        for (Relation r : analysis.relations()) {
            if (r.subject() == person && EXPERT_SIGNS.contains(r.property())
                    || r.object() == person && r.property().equals("speaker")) {
                return true;
            }
        }
        return false;
    }

    private static void literal(QuadWriter w, Node subject, Node property, String value) {
        if (value != null) {
            w.add(subject, property, NodeFactory.createLiteralString(value));
        }
    }

    /** A full date, a year and month, or a year, typed as the contract says. */
    private static void date(QuadWriter w, Node subject, Node property, String iso) {
        if (iso == null) {
            return;
        }
        XSDDatatype type = iso.length() == 10 ? XSDDatatype.XSDdate : iso.length() == 7 ? XSDDatatype.XSDgYearMonth
                : XSDDatatype.XSDgYear;
        w.add(subject, property, NodeFactory.createLiteralDT(iso, type));
    }

    /** Quads of one graph, each written once. */
    private record QuadWriter(StreamRDF out, Node graph, Set<Quad> seen) {
        QuadWriter(StreamRDF out, Node graph) {
            this(out, graph, new HashSet<>());
        }

        void add(Node s, Node p, Node o) {
            Quad quad = Quad.create(graph, s, p, o);
            if (seen.add(quad)) {
                out.quad(quad);
            }
        }
    }

}
