package org.medkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class OntologyTest {
    private static final Graph ONTOLOGY = OntologyResources.ontology();
    private static final Set<Node> TERM_TYPES = Set.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode());

    @Test
    void ontologyIsDeclaredWithVersionTitleAndDescription() {
        Node ontology = NodeFactory.createURI(MKG.ONTOLOGY_IRI);
        assertTrue(ONTOLOGY.contains(ontology, RDF.type.asNode(), OWL2.Ontology.asNode()));
        assertFalse(objects(ontology, OWL2.versionInfo.asNode()).isEmpty(), "owl:versionInfo");
        Node title = NodeFactory.createURI("http://purl.org/dc/terms/title");
        Node description = NodeFactory.createURI("http://purl.org/dc/terms/description");
        assertEquals(Set.of("en", "ru", "kk"), languages(ontology, title));
        assertEquals(Set.of("en", "ru"), languages(ontology, description));
    }

    @Test
    void everyConstantOfMkgIsATypedTermLabelledInThreeLanguagesAndCommentedInEnglishAndRussian() throws IllegalAccessException {
        List<Node> constants = mkgConstants();
        assertTrue(constants.size() > 40, "MKG has its constants: " + constants.size());
        for (Node term : constants) {
            assertTrue(objects(term, RDF.type.asNode()).stream().anyMatch(TERM_TYPES::contains),
                    term + " is declared as owl:Class, owl:ObjectProperty or owl:DatatypeProperty");
            assertEquals(Set.of("en", "ru", "kk"), languages(term, RDFS.label.asNode()), term + " labels");
            assertEquals(Set.of("en", "ru"), languages(term, RDFS.comment.asNode()), term + " comments");
        }
    }

    @Test
    void everyTermOfTheOntologyHasAConstantInMkg() throws IllegalAccessException {
        Set<Node> constants = Set.copyOf(mkgConstants());
        ONTOLOGY.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .filterKeep(t -> TERM_TYPES.contains(t.getObject()) && t.getSubject().isURI())
                .forEachRemaining(t -> assertTrue(constants.contains(t.getSubject()),
                        "MKG lacks a constant for " + t.getSubject()));
        ONTOLOGY.find().mapWith(Triple::getSubject)
                .filterKeep(s -> s.isURI() && s.getURI().startsWith(MKG.NS))
                .forEachRemaining(s -> assertTrue(constants.contains(s), s + " is used in the ontology, not in MKG"));
    }

    /** The contract's own text lists the terms; read them from it rather than copying the list here. */
    @Test
    void everyTermOfTheGraphContractIsDeclared() throws IOException {
        Path contract = Path.of(System.getProperty("medkg.shared", "../shared"), "contract", "GRAPH.md");
        assumeTrue(Files.isRegularFile(contract), "shared contract absent");
        Set<String> terms = new TreeSet<>();
        Matcher matcher = Pattern.compile("mkg:(\\w+)").matcher(Files.readString(contract));
        while (matcher.find()) {
            terms.add(matcher.group(1));
        }
        assertTrue(terms.containsAll(Set.of("Document", "Visit", "speaker", "patronymic")), "read the contract: " + terms);
        for (String term : terms) {
            Node node = NodeFactory.createURI(MKG.NS + term);
            assertTrue(objects(node, RDF.type.asNode()).stream().anyMatch(TERM_TYPES::contains),
                    "contract term mkg:" + term + " is declared in the ontology");
        }
    }

    @Test
    void domainsAndRangesFollowTheContract() {
        assertEquals(Set.of(MKG.Event, MKG.Organization, MKG.Person), unionOf(single(MKG.city, RDFS.domain.asNode())));
        assertEquals(Set.of(MKG.City, MKG.Organization), unionOf(single(MKG.country, RDFS.domain.asNode())));
        assertEquals(MKG.City, single(MKG.city, RDFS.range.asNode()));
        assertEquals(Set.of(MKG.Organization, MKG.Person), unionOf(single(MKG.organizer, RDFS.range.asNode())));
        assertEquals(MKG.Person, single(MKG.participant, RDFS.range.asNode()));
        assertEquals(MKG.Organization, single(MKG.affiliation, RDFS.range.asNode()));
        assertEquals(RDF.langString.asNode(), single(MKG.position, RDFS.range.asNode()));
        assertEquals(Set.of(xsd("date"), xsd("gYearMonth"), xsd("gYear")), unionOf(single(MKG.startDate, RDFS.range.asNode())));
        assertTrue(ONTOLOGY.contains(MKG.speaker, OWL2.propertyDisjointWith.asNode(), MKG.participant),
                "speaker and participant are disjoint");
    }

    @Test
    void everyEventTypeOfTheContractIsAnEventAndExpertIsAPerson() {
        for (Node type : List.of(MKG.Conference, MKG.Congress, MKG.Forum, MKG.Symposium, MKG.Seminar, MKG.Workshop,
                MKG.MasterClass, MKG.School, MKG.Course, MKG.Webinar, MKG.Meeting, MKG.Visit)) {
            assertTrue(ONTOLOGY.contains(type, RDFS.subClassOf.asNode(), MKG.Event), type + " ⊑ mkg:Event");
        }
        assertTrue(ONTOLOGY.contains(MKG.Expert, RDFS.subClassOf.asNode(), MKG.Person));
    }

    @Test
    void termsAreAlignedToSchemaFoafOrgAndProv() {
        Node subClassOf = RDFS.subClassOf.asNode();
        Node subPropertyOf = RDFS.subPropertyOf.asNode();
        assertTrue(ONTOLOGY.contains(MKG.Person, subClassOf, uri("http://xmlns.com/foaf/0.1/Person")));
        assertTrue(ONTOLOGY.contains(MKG.Person, subClassOf, uri("http://schema.org/Person")));
        assertTrue(ONTOLOGY.contains(MKG.Organization, subClassOf, uri("http://www.w3.org/ns/org#Organization")));
        assertTrue(ONTOLOGY.contains(MKG.Document, subClassOf, uri("http://www.w3.org/ns/prov#Entity")));
        assertTrue(ONTOLOGY.contains(MKG.familyName, subPropertyOf, uri("http://xmlns.com/foaf/0.1/familyName")));
        assertTrue(ONTOLOGY.contains(MKG.organizer, subPropertyOf, uri("http://schema.org/organizer")));
        assertTrue(ONTOLOGY.contains(MKG.mentions, subPropertyOf, uri("http://schema.org/mentions")));
    }

    @Test
    void shapesParseAndTargetTheContractClasses() {
        Graph shapes = OntologyResources.shapes();
        Node targetClass = uri("http://www.w3.org/ns/shacl#targetClass");
        for (Node type : List.of(MKG.Document, MKG.Person, MKG.Organization, MKG.City, MKG.Country, MKG.Event)) {
            assertTrue(shapes.contains(Node.ANY, targetClass, type), "a shape targets " + type);
        }
    }

    private static List<Node> mkgConstants() throws IllegalAccessException {
        List<Node> nodes = new java.util.ArrayList<>();
        for (Field field : MKG.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
                nodes.add((Node) field.get(null));
            }
        }
        return nodes;
    }

    private static List<Node> objects(Node subject, Node predicate) {
        return ONTOLOGY.find(subject, predicate, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private static Node single(Node subject, Node predicate) {
        List<Node> values = objects(subject, predicate);
        assertEquals(1, values.size(), subject + " " + predicate);
        return values.get(0);
    }

    private static Set<String> languages(Node subject, Node predicate) {
        Set<String> languages = new TreeSet<>();
        objects(subject, predicate).forEach(o -> languages.add(o.getLiteralLanguage()));
        return languages;
    }

    private static Set<Node> unionOf(Node classExpression) {
        Node list = single(classExpression, OWL2.unionOf.asNode());
        Set<Node> members = new java.util.HashSet<>();
        while (!list.equals(RDF.nil.asNode())) {
            members.add(single(list, RDF.first.asNode()));
            list = single(list, RDF.rest.asNode());
        }
        return members;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node xsd(String localName) {
        return uri("http://www.w3.org/2001/XMLSchema#" + localName);
    }
}
