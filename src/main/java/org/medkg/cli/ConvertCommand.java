package org.medkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.medkg.document.BadDocumentException;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Converts documents to RDF: one named graph per document. */
@Command(name = "convert", header = "Converts documents to RDF, one named graph per document.")
public final class ConvertCommand implements Callable<Integer>, BatchCompilation.Converting {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BaseOption base;

    @Mixin
    private ReadingLimitsOptions limits;

    @Mixin
    private GazetteerOption gazetteer;

    @Option(names = "--format", defaultValue = "trig",
            description = "trig, nquads, turtle (default graph only: the union) or jsonld. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = {"-o", "--output"}, description = "Write here instead of standard output.")
    private Path output;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Documents or folders of documents.")
    private List<Path> inputs;

    @Override
    public boolean convertsDocuments() {
        return true;
    }

    @Override
    public Integer call() throws IOException {
        ConverterStartup startup = ConverterStartup.begin(
                () -> Converter.standard(base.base(), gazetteer.gazetteer(), limits.limits()));
        Lang lang = switch (format.toLowerCase()) {
            case "trig" -> Lang.TRIG;
            case "nquads", "nq" -> Lang.NQUADS;
            case "turtle", "ttl" -> Lang.TURTLE;
            case "jsonld", "json-ld" -> Lang.JSONLD;
            default -> RDFLanguages.nameToLang(format);
        };
        if (lang == null) {
            spec.commandLine().getErr().println("medkg convert: unknown format: " + format);
            return ExitCodes.USAGE;
        }
        int[] failures = {0};
        Consumer<BadDocumentException> onFailure = e -> {
            failures[0]++;
            spec.commandLine().getErr().println("medkg convert: " + e.getMessage());
        };
        Converter converter = startup.converter();
        try (OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
            if (lang == Lang.NQUADS || lang == Lang.TRIG) {
                writeWindowByWindow(converter, onFailure, out, lang);
            } else {
                writeWhole(converter.convert(inputs, onFailure), out, lang);
            }
        }
        return failures[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    /**
     * Formats of named graphs are written as the windows of documents are converted, so that memory holds a window,
     * not the batch (at 1,000 copies of the corpus the batch is 13 million quads).
     */
    private void writeWindowByWindow(Converter converter, Consumer<BadDocumentException> onFailure, OutputStream out,
                                     Lang lang) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, lang == Lang.TRIG ? RDFFormat.TRIG_BLOCKS
                : RDFFormat.NQUADS);
        stream.start();
        Prefixes.STANDARD.getNsPrefixMap().forEach(stream::prefix);
        converter.convert(converter.documentFiles(inputs, onFailure), onFailure, window -> window.forEach(doc -> {
            Node graph = NodeFactory.createURI(doc.graphIri());
            // each subject's triples together, which TriG writes as one block
            GraphUtil.listSubjects(doc.graph(), Node.ANY, Node.ANY).forEachRemaining(subject -> doc.graph()
                    .find(subject, Node.ANY, Node.ANY).forEachRemaining(triple -> stream.quad(new Quad(graph, triple))));
        }));
        stream.finish();
    }

    /** Turtle (the union of the graphs, each triple once) and JSON-LD (one document) are written at the end. */
    private static void writeWhole(List<ConvertedDocument> docs, OutputStream out, Lang lang) {
        Dataset dataset = DatasetFactory.create();
        dataset.getPrefixMapping().setNsPrefixes(Prefixes.STANDARD);
        for (ConvertedDocument doc : docs) {
            dataset.asDatasetGraph().addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph());
            if (lang == Lang.TURTLE) {
                // Turtle has no named graphs: it gets the union, as the server's default graph is.
                GraphUtil.addInto(dataset.getDefaultModel().getGraph(), doc.graph());
            }
        }
        if (lang == Lang.TURTLE) {
            RDFDataMgr.write(out, dataset.getDefaultModel(), lang);
        } else {
            RDFDataMgr.write(out, dataset, lang);
        }
    }
}
