package org.medkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.medkg.document.SourceDocument;
import org.medkg.lang.Language;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.rdf.MKG;

/**
 * Converted documents shaped as shared/contract/GRAPH.md says (document node with its sha256, mentioned events with
 * labels), built here because the store must be tested before the converter writes all of that.
 */
final class TestDocuments {

    /** The seed documents of the repository. */
    static final Path SEEDS = Path.of("data");

    private TestDocuments() {
    }

    /** The text of a seed file. */
    static String seedText(String fileName) {
        try {
            return Files.readString(SEEDS.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document named {@code fileName} with this text, mentioning events with these labels. */
    static ConvertedDocument document(String fileName, String text, String... eventLabels) {
        String sha = sha256(text);
        String iri = "https://w3id.org/medkg/doc/" + fileName;
        Graph graph = GraphFactory.createDefaultGraph();
        Node doc = NodeFactory.createURI(iri);
        graph.add(doc, RDF.type.asNode(), MKG.Document);
        graph.add(doc, MKG.sourceFile, NodeFactory.createLiteralString("data/" + fileName));
        graph.add(doc, MKG.language, NodeFactory.createLiteralString("ru"));
        graph.add(doc, MKG.sha256, NodeFactory.createLiteralString(sha));
        for (String label : eventLabels) {
            Node event = NodeFactory.createURI("https://w3id.org/medkg/event/" + sha256(label).substring(0, 16));
            graph.add(doc, MKG.mentions, event);
            graph.add(event, RDF.type.asNode(), MKG.Conference);
            graph.add(event, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "ru"));
        }
        return new ConvertedDocument(new SourceDocument("data/" + fileName, sha, Language.RU, null, null, text), iri, graph);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
