package org.medkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
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
public final class ConvertCommand implements Callable<Integer> {

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
        List<ConvertedDocument> docs = startup.converter().convert(inputs, e -> {
            failures[0]++;
            spec.commandLine().getErr().println("medkg convert: " + e.getMessage());
        });
        Dataset dataset = DatasetFactory.create();
        dataset.getPrefixMapping().setNsPrefixes(Prefixes.STANDARD);
        for (ConvertedDocument doc : docs) {
            dataset.asDatasetGraph().addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph());
            if (lang == Lang.TURTLE) {
                // Turtle has no named graphs: it gets the union, as the server's default graph is.
                GraphUtil.addInto(dataset.getDefaultModel().getGraph(), doc.graph());
            }
        }
        try (OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
            if (lang == Lang.TURTLE) {
                RDFDataMgr.write(out, dataset.getDefaultModel(), lang);
            } else {
                RDFDataMgr.write(out, dataset, lang);
            }
        }
        return failures[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
