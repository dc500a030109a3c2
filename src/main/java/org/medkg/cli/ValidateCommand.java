package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.validate.GraphValidator;
import org.medkg.validate.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Converts documents and checks their graphs, each alone and all together, against the SHACL shapes. */
@Command(name = "validate", header = "Checks converted documents against the SHACL shapes.",
        description = "Prints one line per violation (graph, node and its label, property, rule, value), "
                + "or 'conforms: N documents'. Exit 3 when the graphs do not conform, 1 when an input failed.")
public final class ValidateCommand implements Callable<Integer>, BatchCompilation.Converting {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BaseOption base;

    @Mixin
    private ReadingLimitsOptions limits;

    @Mixin
    private GazetteerOption gazetteer;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Documents or folders of documents.")
    private List<Path> inputs;

    @Override
    public boolean convertsDocuments() {
        return true;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] failures = {0};
        Converter converter = ConverterStartup.begin(
                () -> Converter.standard(base.base(), gazetteer.gazetteer(), limits.limits())).converter();
        List<ConvertedDocument> documents = converter.convert(inputs, e -> {
            failures[0]++;
            err.println("medkg validate: " + e.getMessage());
        });
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        for (ConvertedDocument document : documents) {
            dataset.addGraph(NodeFactory.createURI(document.graphIri()), document.graph());
        }
        ValidationResult result = GraphValidator.standard().validate(dataset);
        if (result.conforms()) {
            out.println("conforms: " + documents.size() + " documents");
        } else {
            result.lines().forEach(out::println);
            out.println(result.violations().size() + " violations in " + documents.size() + " documents");
        }
        out.flush();
        err.flush();
        if (!result.conforms()) {
            return ExitCodes.INVALID_GRAPH;
        }
        return failures[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
