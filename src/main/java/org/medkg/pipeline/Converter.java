package org.medkg.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.medkg.analyze.DocumentAnalysis;
import org.medkg.analyze.DocumentAnalyzer;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;
import org.medkg.document.ReadingLimits;
import org.medkg.document.SourceDocument;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.rdf.GraphMapper;
import org.medkg.recognize.Recognizer;
import org.medkg.recognize.Recognizers;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.resolve.EntityKeys;
import org.medkg.resolve.OrganizationKeys;
import org.medkg.resolve.Resolver;

/**
 * Documents in, one named graph per document out: read → recognize and analyze → resolve across the documents
 * → map to RDF. Each document is read and analyzed on its own under the {@link ReadingLimits} (bytes, text, time;
 * see {@link DocumentWorkers}). A document that cannot be read, or a folder that cannot be walked, is reported to
 * the failure handler and left out; the others go on.
 */
public final class Converter {

    /**
     * Where the IRIs the graph mints live unless configured: the address {@code medkg serve} listens on by
     * default, so that every IRI resolves out of the box. A deployment mints under its public address instead.
     */
    public static final String DEFAULT_BASE = "http://localhost:3030/";
    /**
     * How many documents a window holds at most. The corpus's 136 documents fit in one, so they are resolved all
     * together; a batch a hundred times as large is held 500 documents at a time (about 50,000 quads).
     */
    public static final int DOCUMENTS_PER_WINDOW = 500;
    /** How much text a window holds at most: 100 documents at the largest {@code --max-text-length}. */
    public static final long CHARACTERS_PER_WINDOW = 50_000_000;

    private final String base;
    private final DocumentAnalyzer analyzer;
    private final EntityKeys keys;
    private final Gazetteer gazetteer;
    private final ReadingLimits limits;
    private final DocumentReaders readers = DocumentReaders.standard();

    public Converter(String base, DocumentAnalyzer analyzer, EntityKeys keys, Gazetteer gazetteer, ReadingLimits limits) {
        this.base = Objects.requireNonNull(base, "base");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static Converter standard() {
        return standard(DEFAULT_BASE);
    }

    public static Converter standard(String base) {
        return standard(base, Gazetteer.standard(), ReadingLimits.DEFAULT);
    }

    /**
     * The standard pipeline minting IRIs under {@code base}, which must end with {@code /}, with the places of
     * {@code gazetteer} (the built-in one, or it and a built file), each document read under {@code limits}.
     */
    public static Converter standard(String base, Gazetteer gazetteer, ReadingLimits limits) {
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("base IRI must end with '/': " + base);
        }
        Function<SourceDocument, List<Recognizer>> recognizers = Recognizers.standard(gazetteer);
        DocumentAnalyzer analyzer = new DocumentAnalyzer(
                document -> recognizers.apply(document).stream().map(Converter::stoppable).toList());
        return new Converter(base, analyzer, new EntityKeys(
                new OrganizationKeys(RussianMorphology.get(), KazakhMorphology.get(), gazetteer)), gazetteer, limits);
    }

    /**
     * A recognizer that gives up when its thread is interrupted — when its document ran out of time — before it
     * starts and at each mention it finds, so that an abandoned analysis stops instead of running on.
     */
    private static Recognizer stoppable(Recognizer recognizer) {
        return (text, language, sink) -> {
            stopIfInterrupted();
            recognizer.recognize(text, language, mention -> {
                stopIfInterrupted();
                sink.accept(mention);
            });
        };
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the document ran out of time");
        }
    }

    /** Files and folders (walked recursively for supported formats), each failure reported and skipped. */
    public List<ConvertedDocument> convert(List<Path> inputs, Consumer<BadDocumentException> onFailure) {
        List<ConvertedDocument> result = new ArrayList<>();
        convert(documentFiles(inputs, onFailure), onFailure, result::addAll);
        return result;
    }

    /**
     * The document files that files and folders name (folders walked recursively for supported formats), each
     * folder that cannot be walked reported and skipped.
     */
    public List<Path> documentFiles(List<Path> inputs, Consumer<BadDocumentException> onFailure) {
        return DocumentFiles.find(inputs, readers, onFailure);
    }

    /**
     * Converts the files window by window, and gives each window to {@code windows} as soon as it is converted, in
     * the files' order: at most {@value #DOCUMENTS_PER_WINDOW} documents and {@value #CHARACTERS_PER_WINDOW}
     * characters of text, so that a batch of any size is converted in bounded memory. The documents of a window are
     * resolved together, with what the windows before them said (see {@link Resolver}). Each failure is reported and
     * skipped.
     */
    public void convert(List<Path> files, Consumer<BadDocumentException> onFailure,
                        Consumer<List<ConvertedDocument>> windows) {
        convert(files, onFailure, DOCUMENTS_PER_WINDOW, CHARACTERS_PER_WINDOW, windows);
    }

    /** As {@link #convert(List, Consumer, Consumer)}, with windows of at most these many documents and characters. */
    void convert(List<Path> files, Consumer<BadDocumentException> onFailure, int documentsPerWindow,
                 long charactersPerWindow, Consumer<List<ConvertedDocument>> windows) {
        Resolver resolver = new Resolver(base + "id/", keys);
        List<DocumentAnalysis> window = new ArrayList<>();
        long[] characters = {0};
        new DocumentWorkers(Runtime.getRuntime().availableProcessors(), limits.maxTime()).run(files,
                file -> analyzer.analyze(readers.read(file, limits)), onFailure, analysis -> {
                    window.add(analysis);
                    characters[0] += analysis.document().text().length();
                    if (window.size() >= documentsPerWindow || characters[0] >= charactersPerWindow) {
                        windows.accept(map(window, resolver));
                        window.clear();
                        characters[0] = 0;
                    }
                });
        if (!window.isEmpty()) {
            windows.accept(map(window, resolver));
        }
    }

    private List<ConvertedDocument> map(List<DocumentAnalysis> analyses, Resolver resolver) {
        Resolver.Resolution resolution = resolver.resolve(analyses);
        GraphMapper mapper = new GraphMapper(resolution.iris(), resolution.labels(), gazetteer,
                base + "id/place/");
        List<ConvertedDocument> result = new ArrayList<>();
        for (DocumentAnalysis analysis : analyses) {
            String iri = documentIri(analysis.document().sourceFile());
            DatasetGraph quads = DatasetGraphFactory.create();
            mapper.write(analysis, iri, StreamRDFLib.dataset(quads));
            Graph graph = quads.getGraph(NodeFactory.createURI(iri));
            result.add(new ConvertedDocument(analysis.document(), iri, graph));
        }
        return result;
    }

    /**
     * A document's IRI (and graph name) comes from its folder's and its own file name, so that the same file
     * loaded from another working directory or machine replaces its own graph: data/001.txt → doc/data/001.txt.
     */
    String documentIri(String sourceFile) {
        Path path = Path.of(sourceFile).toAbsolutePath().normalize();
        Path parent = path.getParent() == null ? null : path.getParent().getFileName();
        String name = (parent == null ? "" : parent + "/") + path.getFileName();
        return base + "doc/" + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._/-]+", "-");
    }
}
