package org.medkg.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;
import org.medkg.document.SourceDocument;
import org.medkg.rdf.MKG;

/** Documents in, one named graph per document out. (Bootstrap version: the document node only.) */
public final class Converter {

    public static Converter standard() {
        return new Converter();
    }

    /** Files and folders (walked recursively for supported formats), each failure reported and skipped. */
    public List<ConvertedDocument> convert(List<Path> inputs, Consumer<BadDocumentException> onFailure) {
        List<ConvertedDocument> result = new ArrayList<>();
        for (Path file : expand(inputs, onFailure)) {
            try {
                SourceDocument doc = DocumentReaders.standard().read(file);
                String iri = "https://w3id.org/medkg/doc/" + file.getFileName();
                Graph graph = GraphFactory.createDefaultGraph();
                var node = NodeFactory.createURI(iri);
                graph.add(node, RDF.type.asNode(), MKG.Document);
                graph.add(node, MKG.sourceFile, NodeFactory.createLiteralString(doc.sourceFile()));
                result.add(new ConvertedDocument(doc, iri, graph));
            } catch (BadDocumentException e) {
                onFailure.accept(e);
            }
        }
        return result;
    }

    private static List<Path> expand(List<Path> inputs, Consumer<BadDocumentException> onFailure) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(DocumentReaders.standard()::isSupported)
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                onFailure.accept(new BadDocumentException(input.toString(), "no such file or folder"));
            }
        }
        return files;
    }
}
