package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medkg.document.ReadingLimits;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadFailure;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;

/** Converting documents and loading them into a store, with the report and progress `load` and `serve --load` show. */
final class DocumentLoading {

    private static final int DOCUMENTS_WORTH_A_PROGRESS_BAR = 20;

    private DocumentLoading() {
    }

    /** Converts (each document under the converter's limits) and loads; each failure is one line on {@code err}. Returns how many inputs failed. */
    static int load(GraphStore store, List<Path> inputs, Converter converter, String command, PrintWriter out,
                    PrintWriter err) {
        int[] failures = {0};
        List<ConvertedDocument> documents = converter.convert(inputs, e -> {
            failures[0]++;
            err.println("medkg " + command + ": " + e.getMessage());
        });
        LoadReport report = store.load(documents, progressFor(documents.size(), err));
        for (LoadFailure failure : report.failed()) {
            err.println("medkg " + command + ": " + failure.message());
        }
        err.flush();
        printReport(report, documents, out);
        return failures[0] + report.failed().size();
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
