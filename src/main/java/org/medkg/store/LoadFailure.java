package org.medkg.store;

import static java.util.Objects.requireNonNull;

/**
 * A document a load could not store; whatever the store held under its graph name is still there.
 *
 * @param graphIri   the graph the document would have replaced
 * @param sourceFile the file the document was read from
 * @param problem    what went wrong, in one line
 */
public record LoadFailure(String graphIri, String sourceFile, String problem) {

    public LoadFailure {
        requireNonNull(graphIri, "graphIri");
        requireNonNull(sourceFile, "sourceFile");
        requireNonNull(problem, "problem");
    }

    /** One line naming the input: {@code <sourceFile>: cannot store: <problem>}. */
    public String message() {
        return sourceFile + ": cannot store: " + problem;
    }
}
