package org.medkg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this verb is built. */
@Command(name = "queries", header = "Lists the saved queries.")
public final class QueriesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
