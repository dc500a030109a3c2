package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medkg.query.BadQueryException;
import org.medkg.query.QueryParameter;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the saved queries with their summaries and parameters. */
@Command(name = "queries", header = "Lists the saved queries.")
public final class QueriesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "A folder of more saved queries (*.rq); one named like a query shipped with medkg replaces it.")
    private Path queries;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] broken = {0};
        List<SavedQuery> saved;
        try {
            saved = SavedQueries.available(Optional.ofNullable(queries), e -> {
                broken[0]++;
                err.println("medkg queries: " + e.getMessage());
            });
        } catch (BadQueryException e) {
            err.println("medkg queries: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        for (SavedQuery query : saved) {
            out.println(query.name() + "  " + query.summary());
            for (QueryParameter parameter : query.parameters()) {
                out.println("    --param " + parameter.name() + "=…  " + parameter.describe());
            }
        }
        out.flush();
        err.flush();
        return broken[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
