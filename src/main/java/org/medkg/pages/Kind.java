package org.medkg.pages;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.medkg.rdf.MKG;

/**
 * What sort of thing a page is about, which decides what the page shows. Each kind is an ontology class with
 * all its subclasses ({@code mkg:Course} is an event, {@code mkg:Expert} a person); in the order declared, the
 * first kind an entity's types fall into is its kind.
 */
public enum Kind {
    EVENT(MKG.Event, "events"),
    PERSON(MKG.Person, "persons"),
    ORGANIZATION(MKG.Organization, "organizations"),
    CITY(MKG.City, "cities"),
    COUNTRY(MKG.Country, "countries"),
    DOCUMENT(MKG.Document, "documents"),
    OTHER(null, "other");

    private final Node rootClass;
    private final String key;

    Kind(Node rootClass, String key) {
        this.rootClass = rootClass;
        this.key = key;
    }

    /** The name used in message keys and CSS classes ({@code events}, {@code persons}…). */
    public String key() {
        return key;
    }

    /** The class and its subclasses in the ontology; none for {@link #OTHER}. */
    public Set<Node> classes() {
        return rootClass == null ? Set.of() : OntologyTerms.get().subClassesOf(rootClass);
    }
}
