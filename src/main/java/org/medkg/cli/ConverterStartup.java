package org.medkg.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.jena.sys.JenaSystem;
import org.medkg.pipeline.Converter;

/**
 * The conversion pipeline built on a thread of its own while the command's thread starts Jena. Each takes a good
 * part of a command's start-up — one reads the gazetteer, the lexicons and the date grammar, the other loads Jena's
 * subsystems and the logging they start — and they share nothing, so on two cores both are done in the time of the
 * longer. Building the pipeline touches no class of Jena or of the logging, so neither thread waits for a class
 * that the other is initializing.
 */
final class ConverterStartup {

    private final CompletableFuture<Converter> converter;

    private ConverterStartup(CompletableFuture<Converter> converter) {
        this.converter = converter;
    }

    /** Starts building the converter on another thread; the caller goes on with its own start-up meanwhile. */
    static ConverterStartup begin(Supplier<Converter> build) {
        CompletableFuture<Converter> converter = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                converter.complete(build.get());
            } catch (RuntimeException | Error e) {
                converter.completeExceptionally(e);
            }
        }, "medkg-startup");
        thread.setDaemon(true);
        thread.start();
        return new ConverterStartup(converter);
    }

    /**
     * Starts Jena on this thread, then gives the converter once it is built; what building it threw is thrown here
     * as it was (an unusable {@code --gazetteer} file, say), as if it had been built on this thread.
     */
    Converter converter() {
        JenaSystem.init();
        try {
            return converter.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
