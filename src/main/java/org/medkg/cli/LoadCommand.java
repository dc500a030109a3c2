package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadFailure;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;
import org.medkg.store.RemoteGraphStore;
import org.medkg.store.TdbGraphStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Converts documents and stores each as its named graph, replacing only what changed. */
@Command(name = "load", header = "Converts documents and loads them into a store, replacing only what changed.")
public final class LoadCommand implements Callable<Integer> {

    /** Below this many documents a load is quick enough to need no progress report. */
    private static final int DOCUMENTS_WORTH_A_PROGRESS_BAR = 20;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Target target;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Documents or folders of documents.")
    private List<Path> inputs;

    /** Where to load: a local TDB2 folder or a remote dataset, not both. */
    static final class Target {
        @Option(names = "--store", paramLabel = "DIR",
                description = "TDB2 database folder, created if missing. Default: ./store.")
        Path store;

        @ArgGroup(exclusive = false)
        Remote remote;
    }

    static final class Remote {
        @Option(names = "--endpoint", required = true, paramLabel = "URL",
                description = "A dataset with SPARQL query and the Graph Store Protocol, e.g. http://localhost:3030/ds.")
        String url;

        @Option(names = "--user", description = "User name for the endpoint. Default: $MEDKG_USER.")
        String user;

        @Option(names = "--password",
                description = "Password for the endpoint. Default: $MEDKG_PASSWORD (better: the command line is visible to others).")
        String password;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int[] failures = {0};
        List<ConvertedDocument> documents = Converter.standard().convert(inputs, e -> {
            failures[0]++;
            err.println("medkg load: " + e.getMessage());
        });
        LoadReport report;
        try (GraphStore store = openStore()) {
            report = store.load(documents, progressFor(documents.size(), err));
        }
        for (LoadFailure failure : report.failed()) {
            err.println("medkg load: " + failure.message());
        }
        err.flush();
        printReport(report, documents, spec.commandLine().getOut());
        return failures[0] + report.failed().size() == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    private GraphStore openStore() {
        if (target != null && target.remote != null) {
            Remote remote = target.remote;
            return RemoteGraphStore.connect(remote.url, orEnvironment(remote.user, "MEDKG_USER"),
                    orEnvironment(remote.password, "MEDKG_PASSWORD"));
        }
        return TdbGraphStore.open(target != null && target.store != null ? target.store : Path.of("store"));
    }

    private static String orEnvironment(String given, String variable) {
        return given != null ? given : System.getenv(variable);
    }

    private static void printReport(LoadReport report, List<ConvertedDocument> documents, PrintWriter out) {
        Map<String, String> sourceOf = documents.stream().collect(Collectors.toMap(
                ConvertedDocument::graphIri, document -> document.source().sourceFile(), (first, second) -> first));
        printGraphs("added", report.added(), sourceOf, out);
        printGraphs("replaced", report.replaced(), sourceOf, out);
        printGraphs("unchanged", report.unchanged(), sourceOf, out);
        out.flush();
    }

    private static void printGraphs(String what, List<String> graphs, Map<String, String> sourceOf, PrintWriter out) {
        out.println(what + ": " + graphs.size());
        graphs.forEach(graph -> out.println("  " + sourceOf.get(graph) + "  <" + graph + ">"));
    }

    private static LoadProgress progressFor(int total, PrintWriter err) {
        if (total <= DOCUMENTS_WORTH_A_PROGRESS_BAR) {
            return LoadProgress.none();
        }
        return System.console() != null ? new ProgressBar(err) : new ProgressLines(err);
    }

    /** A bar redrawn in place on a terminal. */
    private record ProgressBar(PrintWriter err) implements LoadProgress {
        private static final int WIDTH = 40;

        @Override
        public void documentDone(int done, int total) {
            int filled = done * WIDTH / total;
            err.print("\rloading [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
            if (done == total) {
                err.println();
            }
            err.flush();
        }
    }

    /** A line at each quarter, for logs where a redrawn bar would be noise. */
    private static final class ProgressLines implements LoadProgress {
        private final PrintWriter err;
        private int quartersShown;

        ProgressLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void documentDone(int done, int total) {
            int quarters = done * 4 / total;
            if (quarters > quartersShown) {
                quartersShown = quarters;
                err.println("medkg load: " + done + "/" + total + " documents");
                err.flush();
            }
        }
    }
}
