package org.medkg.publish;

import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.VOID;
import org.medkg.rdf.Prefixes;

/**
 * Writes published graphs: the readable prefixes, and JSON-LD compacted against the published context.
 *
 * <p>Convention: the IRIs medkg mints ({@code {base}id/…}, {@code {base}doc/…}) are slash IRIs answered with
 * 303 See Other to a data document per format ("Cool URIs for the Semantic Web", W3C); the ontology uses hash IRIs
 * ({@code https://w3id.org/medkg/ontology#Person}), all described by the one ontology document.
 */
public final class Publishing {

    /** The prefixes of every published document: medkg's own, plus FOAF and VoID used by the publishing itself. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(Prefixes.STANDARD)
            .setNsPrefix("foaf", FOAF.NS)
            .setNsPrefix("void", VOID.NS)
            .lock();

    /** Where the JSON-LD context is served, under the site's base. */
    public static final String CONTEXT_PATH = "context.jsonld";

    private Publishing() {
    }

    /** The JSON-LD context's URL for a site whose base is {@code base} (ending with {@code /}). */
    public static String contextUrl(String base) {
        return base + CONTEXT_PATH;
    }

    /** An empty graph that writes with {@link #PREFIXES}. */
    public static Graph newGraph() {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(PREFIXES);
        return graph;
    }

    /** The graph (with its own prefixes) in an RDF format; JSON-LD is compact, its {@code @context} the published one under {@code base}. */
    public static void write(Graph graph, Format format, String base, OutputStream out) {
        if (format == Format.JSONLD) {
            JsonLdContext.standard().writeCompact(graph, contextUrl(base), out);
            return;
        }
        RDFDataMgr.write(out, graph, format.lang()
                .orElseThrow(() -> new IllegalArgumentException("not an RDF format: " + format)));
    }
}
