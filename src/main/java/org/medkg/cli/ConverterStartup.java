package org.medkg.cli;

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

    private final Startup<Converter> converter;

    private ConverterStartup(Startup<Converter> converter) {
        this.converter = converter;
    }

    /** Starts building the converter on another thread; the caller goes on with its own start-up meanwhile. */
    static ConverterStartup begin(Supplier<Converter> build) {
        return new ConverterStartup(Startup.begin("medkg-startup", build));
    }

    /**
     * Starts Jena on this thread, then gives the converter once it is built; what building it threw is thrown here
     * as it was (an unusable {@code --gazetteer} file, say), as if it had been built on this thread.
     */
    Converter converter() {
        JenaSystem.init();
        return converter.join();
    }
}
