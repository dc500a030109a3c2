package org.medkg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this verb is built. */
@Command(name = "validate", header = "Checks converted documents against the SHACL shapes.")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
