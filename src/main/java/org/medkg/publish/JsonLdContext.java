package org.medkg.publish;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.medkg.rdf.MKG;
import org.medkg.rdf.OntologyResources;

/**
 * The JSON-LD context medkg publishes at {@code /context.jsonld}, and compaction against it.
 *
 * <p>The context has the publishing prefixes ({@code mkg:}, {@code rdfs:}, {@code skos:}…) and one term per
 * ontology class and property, named by its local name ({@code Person}, {@code city}); object properties are
 * typed {@code @id} so links compact to plain IRI strings. It is made from the bundled ontology, so a term added
 * there is in the context with no change here.
 *
 * <p>Jena writes the graph as expanded JSON-LD (its JSON-LD 1.1 writer, Titanium underneath); Titanium compacts it
 * against this context; the inline context is then replaced by the context's URL, which serves the very same
 * object, so the document means exactly what the compaction produced.
 */
public final class JsonLdContext {

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final JsonObject document;

    private JsonLdContext(JsonObject document) {
        this.document = document;
    }

    /** The context of the bundled ontology and {@link Publishing#PREFIXES}. */
    public static JsonLdContext standard() {
        return Holder.STANDARD;
    }

    static JsonLdContext of(Graph ontology, PrefixMapping prefixes) {
        Map<String, String> prefixTerms = new TreeMap<>(prefixes.getNsPrefixMap());
        prefixTerms.remove("");
        Map<String, JsonObject> vocabularyTerms = new TreeMap<>();
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(declaration -> {
            Node term = declaration.getSubject();
            if (!term.isURI() || !term.getURI().startsWith(MKG.NS)) {
                return;
            }
            String name = term.getURI().substring(MKG.NS.length());
            JsonObjectBuilder definition = Json.createObjectBuilder().add("@id", "mkg:" + name);
            if (ontology.contains(term, RDF.type.asNode(), OWL.ObjectProperty.asNode())) {
                definition.add("@type", "@id");
            }
            JsonObject defined = definition.build();
            JsonObject earlier = vocabularyTerms.put(name, defined);
            if (prefixTerms.containsKey(name) || (earlier != null && !earlier.equals(defined))) {
                throw new IllegalStateException("JSON-LD term defined twice: " + name);
            }
        });
        JsonObjectBuilder context = Json.createObjectBuilder();
        prefixTerms.forEach(context::add);
        vocabularyTerms.forEach(context::add);
        return new JsonLdContext(Json.createObjectBuilder().add("@context", context).build());
    }

    /** The context document: {@code {"@context": {...}}}. */
    public void write(OutputStream out) {
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(document);
        }
    }

    /** The graph as compact JSON-LD whose {@code @context} is {@code contextUrl}, where this context is served. */
    public void writeCompact(Graph graph, String contextUrl, OutputStream out) {
        String expanded = RDFWriter.source(graph).format(RDFFormat.JSONLD11_PLAIN).asString();
        JsonObject compacted;
        try {
            compacted = JsonLd.compact(JsonDocument.of(new StringReader(expanded)), JsonDocument.of(document)).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("cannot compact JSON-LD: " + e.getMessage(), e);
        }
        // @context first, as streaming JSON-LD processors need it before the data.
        JsonObjectBuilder linked = Json.createObjectBuilder().add("@context", contextUrl);
        compacted.forEach((key, value) -> {
            if (!key.equals("@context")) {
                linked.add(key, value);
            }
        });
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(linked.build());
        }
    }

    private static final class Holder {
        static final JsonLdContext STANDARD = of(OntologyResources.ontology(), Publishing.PREFIXES);
    }
}
