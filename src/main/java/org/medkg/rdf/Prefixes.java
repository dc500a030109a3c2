package org.medkg.rdf;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;

/** The prefixes medkg writes its RDF with, so that Turtle and TriG output reads as the contract does. */
public final class Prefixes {

    public static final PrefixMapping STANDARD = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("mkg", MKG.NS)
            .setNsPrefix("skos", SKOS.uri)
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("owl", OWL.NS)
            .lock();

    private Prefixes() {
    }
}
