package org.medkg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this verb is built. */
@Command(name = "serve", header = "Serves the store over SPARQL.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
