package org.medkg.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.medkg.analyze.DocumentAnalysis;
import org.medkg.analyze.DocumentAnalyzer;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;
import org.medkg.document.SourceDocument;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.rdf.GraphMapper;
import org.medkg.recognize.Recognizers;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.resolve.EntityKeys;
import org.medkg.resolve.OrganizationKeys;
import org.medkg.resolve.Resolver;

/**
 * Documents in, one named graph per document out: read → recognize and analyze → resolve across the documents
 * → map to RDF. A document that cannot be read is reported to the failure handler and left out; the others go on.
 */
public final class Converter {

    /**
     * Where the IRIs the graph mints live unless configured: the address {@code medkg serve} listens on by
     * default, so that every IRI resolves out of the box. A deployment mints under its public address instead.
     */
    public static final String DEFAULT_BASE = "http://localhost:3030/";

    private final String base;
    private final DocumentAnalyzer analyzer;
    private final EntityKeys keys;
    private final Gazetteer gazetteer;

    public Converter(String base, DocumentAnalyzer analyzer, EntityKeys keys, Gazetteer gazetteer) {
        this.base = Objects.requireNonNull(base, "base");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    public static Converter standard() {
        return standard(DEFAULT_BASE);
    }

    /** The standard pipeline minting IRIs under {@code base}, which must end with {@code /}. */
    public static Converter standard(String base) {
        return standard(base, Gazetteer.standard());
    }

    /** The standard pipeline with the places of {@code gazetteer} (the built-in one, or it and a built file). */
    public static Converter standard(String base, Gazetteer gazetteer) {
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("base IRI must end with '/': " + base);
        }
        return new Converter(base, new DocumentAnalyzer(Recognizers.standard(gazetteer)), new EntityKeys(
                new OrganizationKeys(RussianMorphology.get(), KazakhMorphology.get(), gazetteer)), gazetteer);
    }

    /** Files and folders (walked recursively for supported formats), each failure reported and skipped. */
    public List<ConvertedDocument> convert(List<Path> inputs, Consumer<BadDocumentException> onFailure) {
        List<SourceDocument> documents = new ArrayList<>();
        for (Path file : expand(inputs, onFailure)) {
            try {
                documents.add(DocumentReaders.standard().read(file));
            } catch (BadDocumentException e) {
                onFailure.accept(e);
            }
        }
        List<DocumentAnalysis> analyses = documents.parallelStream().map(analyzer::analyze).toList();
        Resolver.Resolution resolution = new Resolver(base + "id/", keys).resolve(analyses);
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
