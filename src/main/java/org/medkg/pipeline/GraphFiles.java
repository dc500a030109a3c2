package org.medkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.CollectionGraph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.medkg.document.BadDocumentException;
import org.medkg.document.SourceDocument;
import org.medkg.rdf.MKG;

/**
 * Files of documents converted already: N-Quads or TriG (gzipped or not) as {@code medkg convert} writes them and
 * the server's dump serves them, one named graph per document. Loading such a file restores a dump, or stores
 * on one machine what another converted. Each graph must hold its document's {@code mkg:sha256} (see
 * shared/contract/GRAPH.md), which tells an unchanged document on the next load, and its quads must come together,
 * as both writers put them; the file is read as a stream, a window of graphs at a time.
 */
public final class GraphFiles {

    private GraphFiles() {
    }

    /** Whether the file is named as a file of converted graphs (a format of named graphs), not as a document. */
    public static boolean isGraphFile(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && RDFLanguages.isQuads(lang) && !Files.isDirectory(file);
    }

    /**
     * Reads the file's graphs and gives them to {@code windows}, {@value Converter#DOCUMENTS_PER_WINDOW} at a time
     * and in the file's order. A graph without its document's sha256, and triples outside any named graph, are
     * reported and skipped; a syntax error ends the file there, reported with its line, and the graphs before the
     * one it broke have been given.
     */
    public static void read(Path file, Consumer<BadDocumentException> onFailure,
                            Consumer<List<ConvertedDocument>> windows) {
        Reader reader = new Reader(file.toString(), onFailure, windows);
        // opened here, gzip read by its extension as Jena's IO does, so that a file that cannot be opened is named so
        try (InputStream in = IO.openFileEx(file.toString())) {
            RDFParser.source(in).lang(RDFLanguages.filenameToLang(file.getFileName().toString()))
                    .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging)
                    .parse(reader);
        } catch (IOException e) {
            onFailure.accept(BadDocumentException.cannotRead(file, e));
            return;
        } catch (RiotException e) {
            onFailure.accept(new BadDocumentException(file.toString(), "not read past: " + e.getMessage()
                    + "; the graphs before it are loaded"));
            reader.flushWindow();
            return;
        } catch (RuntimeException e) {
            onFailure.accept(new BadDocumentException(file.toString(), "cannot read: " + e.getMessage()));
            reader.flushWindow();
            return;
        }
        reader.endOfFile();
    }

    /** Collects the quads of one graph at a time; a graph is complete when the next one begins. */
    private static final class Reader extends StreamRDFBase {
        private final String file;
        private final Consumer<BadDocumentException> onFailure;
        private final Consumer<List<ConvertedDocument>> windows;
        private final List<ConvertedDocument> window = new ArrayList<>();
        private Node graphName;
        private Graph graph;
        private boolean outsideReported;

        Reader(String file, Consumer<BadDocumentException> onFailure, Consumer<List<ConvertedDocument>> windows) {
            this.file = file;
            this.onFailure = onFailure;
            this.windows = windows;
        }

        @Override
        public void triple(Triple triple) {
            outside();
        }

        @Override
        public void quad(Quad quad) {
            if (quad.isDefaultGraph()) {
                outside();
                return;
            }
            if (!quad.getGraph().equals(graphName)) {
                graphDone();
                if (!quad.getGraph().isURI()) {
                    throw new RiotException("a graph named by a blank node, not by its document's IRI");
                }
                graphName = quad.getGraph();
                graph = new ReadGraph();
            }
            graph.add(quad.asTriple());
        }

        private void outside() {
            if (!outsideReported) {
                outsideReported = true;
                onFailure.accept(new BadDocumentException(file, "triples outside a named graph are not loaded: "
                        + "medkg stores each document as a graph of its own"));
            }
        }

        private void graphDone() {
            if (graph == null) {
                return;
            }
            List<Triple> shas = graph.find(Node.ANY, MKG.sha256, Node.ANY).toList();
            if (shas.size() != 1 || !shas.get(0).getObject().isLiteral()) {
                onFailure.accept(new BadDocumentException(file, "graph <" + graphName.getURI() + "> is not loaded: "
                        + "it does not give its document one mkg:sha256, so it is not a document medkg converted"));
            } else {
                String sha256 = shas.get(0).getObject().getLiteralLexicalForm();
                window.add(new ConvertedDocument(new SourceDocument(file, sha256, null, null, null, ""),
                        graphName.getURI(), graph));
                if (window.size() >= Converter.DOCUMENTS_PER_WINDOW) {
                    flushWindow();
                }
            }
            graph = null;
        }

        /** The graphs read completely are given; the one a syntax error broke is not. */
        void flushWindow() {
            if (!window.isEmpty()) {
                windows.accept(List.copyOf(window));
                window.clear();
            }
        }

        void endOfFile() {
            graphDone();
            flushWindow();
        }
    }

    /**
     * A graph as read from the file: its triples once each, in the file's order. A load only scans it (and asks for
     * its sha256 once), so it keeps no index: building the in-memory graph's three took 6% of the parsing thread's
     * samples and 11% of the compiler's time in a profiled load of N-Quads (2.7 M quads: 40.6 s before, 37.6 s after).
     */
    private static final class ReadGraph extends CollectionGraph {
        private final Set<Triple> triples;

        ReadGraph() {
            this(new LinkedHashSet<>());
        }

        private ReadGraph(Set<Triple> triples) {
            super(triples);
            this.triples = triples;
        }

        @Override
        protected int graphBaseSize() {
            return triples.size();
        }
    }
}
