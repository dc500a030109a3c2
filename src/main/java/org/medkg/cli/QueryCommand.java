package org.medkg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this verb is built. */
@Command(name = "query", header = "Runs a saved query.")
public final class QueryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
