package org.medkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the medkg ontology ({@code ontology/medkg.ttl}) as Jena nodes: the one place Java names them.
 * A test checks that every constant here is declared in the ontology and every ontology term has a constant.
 */
public final class MKG {
    public static final String NS = "https://w3id.org/medkg/ontology#";
    /** The IRI of the ontology itself (owl:Ontology in ontology/medkg.ttl). */
    public static final String ONTOLOGY_IRI = "https://w3id.org/medkg/ontology";

    // Classes
    public static final Node Document = term("Document");
    public static final Node Person = term("Person");
    public static final Node Expert = term("Expert");
    public static final Node Organization = term("Organization");
    public static final Node City = term("City");
    public static final Node Country = term("Country");
    public static final Node Event = term("Event");
    public static final Node Conference = term("Conference");
    public static final Node Congress = term("Congress");
    public static final Node Forum = term("Forum");
    public static final Node Symposium = term("Symposium");
    public static final Node Seminar = term("Seminar");
    public static final Node Workshop = term("Workshop");
    public static final Node MasterClass = term("MasterClass");
    public static final Node School = term("School");
    public static final Node Course = term("Course");
    public static final Node Webinar = term("Webinar");
    public static final Node Meeting = term("Meeting");
    public static final Node Visit = term("Visit");
    /** A talk given at an event: dcterms:title, mkg:speaker; linked from the event by {@link #talk}. */
    public static final Node Talk = term("Talk");

    // Document properties
    public static final Node sourceFile = term("sourceFile");
    public static final Node language = term("language");
    public static final Node sha256 = term("sha256");
    public static final Node published = term("published");
    public static final Node mentions = term("mentions");

    // Relations
    public static final Node startDate = term("startDate");
    public static final Node endDate = term("endDate");
    public static final Node city = term("city");
    public static final Node country = term("country");
    public static final Node organizer = term("organizer");
    public static final Node sponsor = term("sponsor");
    public static final Node speaker = term("speaker");
    public static final Node participant = term("participant");
    public static final Node affiliation = term("affiliation");
    public static final Node position = term("position");
    public static final Node degree = term("degree");
    public static final Node academicTitle = term("academicTitle");
    public static final Node familyName = term("familyName");
    public static final Node givenName = term("givenName");
    public static final Node patronymic = term("patronymic");
    public static final Node talk = term("talk");

    // Evidence: the sentence a relation was extracted from, as a node
    // [ a mkg:Evidence ; mkg:subject s ; mkg:predicate p ; mkg:object o (or mkg:objectValue "literal") ;
    //   mkg:quote "sentence"@ru ; mkg:inDocument doc ] in the document's graph.
    public static final Node Evidence = term("Evidence");
    public static final Node subject = term("subject");
    public static final Node predicate = term("predicate");
    public static final Node object = term("object");
    public static final Node objectValue = term("objectValue");
    public static final Node quote = term("quote");
    public static final Node inDocument = term("inDocument");

    private MKG() {
    }

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    /** The event class for a type name of the contract ({@code Conference}, {@code MasterClass}…). */
    public static Node eventClass(String typeName) {
        return term(typeName);
    }
}
