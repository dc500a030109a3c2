package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.medkg.document.BadDocumentException;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.pipeline.GraphFiles;
import org.medkg.store.GraphStore;
import org.medkg.store.LoadFailure;
import org.medkg.store.LoadProgress;
import org.medkg.store.LoadReport;
import org.medkg.store.OverlappedLoading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Converting documents and loading them into a store, with the report and progress `load` and `serve --load` show. */
final class DocumentLoading {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentLoading.class);

    private static final int DOCUMENTS_WORTH_A_PROGRESS_BAR = 20;

    private DocumentLoading() {
    }

    /**
     * Converts (each document under the converter's limits) and loads, window by window, each window stored while the
     * next is converted ({@link OverlappedLoading}), so that memory holds two windows of documents whatever the
     * batch's size; then the files of graphs converted already ({@link GraphFiles}), named as inputs, the same way.
     * Each failure is one line on {@code err}. Returns how many inputs failed. The converter may be null when every
     * input is a file of graphs.
     */
    static int load(GraphStore store, List<Path> inputs, Converter converter, String command, PrintWriter out,
                    PrintWriter err) {
        int[] failures = {0};
        Consumer<BadDocumentException> onFailure = e -> {
            failures[0]++;
            err.println("medkg " + command + ": " + e.getMessage());
        };
        List<Path> graphFiles = inputs.stream().filter(GraphFiles::isGraphFile).toList();
        List<Path> documentInputs = inputs.stream().filter(input -> !GraphFiles.isGraphFile(input)).toList();
        List<Path> files = documentInputs.isEmpty() ? List.of() : converter.documentFiles(documentInputs, onFailure);
        Map<String, String> sourceOf = new HashMap<>();
        long began = System.nanoTime();
        long[] waiting = {0};
        long[] quads = {0};
        LoadReport report;
        try (OverlappedLoading loading = new OverlappedLoading(store.startLoad(files.size(),
                progressFor(files.size(), !graphFiles.isEmpty(), err)))) {
            Consumer<List<ConvertedDocument>> windows = window -> {
                window.forEach(document -> {
                    sourceOf.putIfAbsent(document.graphIri(), document.source().sourceFile());
                    quads[0] += document.graph().size();
                });
                long start = System.nanoTime();
                loading.store(window);
                waiting[0] += System.nanoTime() - start;
            };
            if (!files.isEmpty()) {
                converter.convert(files, onFailure, windows);
            }
            graphFiles.forEach(file -> GraphFiles.read(file, onFailure, windows));
            long start = System.nanoTime();
            report = loading.finish();
            waiting[0] += System.nanoTime() - start;
        }
        LOG.info("{}: {} documents, {} quads in {} ms, of which waiting for the store {} ms", command, sourceOf.size(),
                quads[0], (System.nanoTime() - began) / 1_000_000, waiting[0] / 1_000_000);
        for (LoadFailure failure : report.failed()) {
            err.println("medkg " + command + ": " + failure.message());
        }
        err.flush();
        printReport(report, sourceOf, out);
        return failures[0] + report.failed().size();
    }

    private static void printReport(LoadReport report, Map<String, String> sourceOf, PrintWriter out) {
        printGraphs("added", report.added(), sourceOf, out);
        printGraphs("replaced", report.replaced(), sourceOf, out);
        printGraphs("unchanged", report.unchanged(), sourceOf, out);
        out.flush();
    }

    private static void printGraphs(String what, List<String> graphs, Map<String, String> sourceOf, PrintWriter out) {
        out.println(what + ": " + graphs.size());
        graphs.forEach(graph -> out.println("  " + sourceOf.get(graph) + "  <" + graph + ">"));
    }

    /** A bar or quarters when the total is known; when files of graphs are read, whose count is not, a count. */
    private static LoadProgress progressFor(int total, boolean totalUnknown, PrintWriter err) {
        if (totalUnknown) {
            return new ProgressCount(err);
        }
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

    /** A line every {@value #EVERY} documents. */
    private record ProgressCount(PrintWriter err) implements LoadProgress {
        private static final int EVERY = 10_000;

        @Override
        public void documentDone(int done, int total) {
            if (done % EVERY == 0) {
                err.println("medkg load: " + done + " documents");
                err.flush();
            }
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
