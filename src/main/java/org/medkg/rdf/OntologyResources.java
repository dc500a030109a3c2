package org.medkg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * The ontology ({@code ontology/medkg.ttl}) and the SHACL shapes ({@code ontology/shapes.ttl}) as
 * read-only graphs, from the classpath: the build copies {@code ontology/} into the jar, so they are
 * there wherever medkg runs. Each is parsed once; a missing or broken file is a packaging bug and throws.
 */
public final class OntologyResources {
    /** Classpath location of the ontology. */
    public static final String ONTOLOGY = "/org/medkg/ontology/medkg.ttl";
    /** Classpath location of the shapes. */
    public static final String SHAPES = "/org/medkg/ontology/shapes.ttl";

    private OntologyResources() {
    }

    /** The OWL ontology: every term of {@link MKG}, with labels, comments, domains, ranges and alignments. */
    public static Graph ontology() {
        return Holder.ONTOLOGY_GRAPH;
    }

    /** The SHACL shapes a valid medkg graph conforms to. */
    public static Graph shapes() {
        return Holder.SHAPES_GRAPH;
    }

    private static Graph load(String resource) {
        try (InputStream in = OntologyResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("medkg: resource missing from the classpath: " + resource);
            }
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).base("https://w3id.org/medkg/ontology").parse(graph);
            return new GraphReadOnly(graph);
        } catch (IOException e) {
            throw new UncheckedIOException("medkg: cannot read " + resource, e);
        }
    }

    private static final class Holder {
        static final Graph ONTOLOGY_GRAPH = load(ONTOLOGY);
        static final Graph SHAPES_GRAPH = load(SHAPES);
    }
}
