package org.medkg.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.tdb2.TDB2Factory;
import org.medkg.query.AnswerPage;
import org.medkg.query.BadParameterException;
import org.medkg.query.BadQueryException;
import org.medkg.query.Page;
import org.medkg.query.QueryRunner;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.store.StoreInUseException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a saved query over the local store or a SPARQL endpoint. */
@Command(name = "query", header = "Runs a saved query.",
        description = "Runs a saved query (a name from 'medkg queries', or a .rq file) over the store or an endpoint.")
public final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, tsv, json }

    /** Where the graph is: a local TDB2 folder or a SPARQL endpoint, not both. */
    static final class Target {
        @Option(names = "--store", paramLabel = "DIR", description = "The TDB2 store. Default: ./store.")
        Path store;

        @Option(names = "--endpoint", paramLabel = "URL", description = "A SPARQL endpoint instead of the store.")
        String endpoint;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME|FILE.rq", description = "The saved query.")
    private String query;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeat for several.")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv, tsv or json (SPARQL results). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--page", paramLabel = "N",
            description = "Only page N (from 1) of the answer, of --size rows (default 100). Default: every row.")
    private String page;

    @Option(names = "--size", paramLabel = "ROWS",
            description = "The rows of a page (1 to 1000; 'all': every row). Default: every row, or 100 with --page.")
    private String size;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "A folder of more saved queries (*.rq); one named like a query shipped with medkg replaces it.")
    private Path queries;

    @Override
    public Integer call() {
        try {
            SavedQuery saved = SavedQueries.find(Optional.ofNullable(queries), query);
            // unpaged unless asked: a script piping the answer gets all of it, as before paging existed
            Optional<Page> asked = Page.parse(saved.name(), page, size, null);
            if (asked.isEmpty()) {
                spec.commandLine().getOut().print(formatted(runner().select(saved, parameters), saved));
            } else {
                AnswerPage shown = runner().select(saved, parameters, asked.get());
                spec.commandLine().getOut().print(formatted(shown.rows(), saved));
                if (shown.more()) {
                    // on stderr, so that the rows written stay a well-formed result
                    spec.commandLine().getErr().println("medkg query: more rows follow: --page "
                            + asked.get().next().number() + " --size " + asked.get().size());
                }
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        } catch (BadQueryException | BadParameterException | NoStoreException e) {
            spec.commandLine().getErr().println("medkg query: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
    }

    private QueryRunner runner() throws NoStoreException {
        if (target.endpoint != null) {
            try {
                return QueryRunner.remote(target.endpoint);
            } catch (IllegalArgumentException e) {
                throw new NoStoreException("--endpoint: " + e.getMessage());
            }
        }
        Path store = target.store == null ? Path.of("store") : target.store;
        // connecting to a missing folder would silently create an empty store
        if (!Files.isDirectory(store)) {
            throw new NoStoreException(store + ": no store here (create one with 'medkg load')");
        }
        return StoreInUseException.whenFree(store, () -> QueryRunner.local(TDB2Factory.connectDataset(store.toString())));
    }

    private String formatted(ResultSetRewindable rows, SavedQuery saved) {
        if (format == Format.table) {
            return ResultSetFormatter.asText(rows, saved.query());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (format) {
            case csv -> ResultSetFormatter.outputAsCSV(bytes, rows);
            case tsv -> ResultSetFormatter.outputAsTSV(bytes, rows);
            case json -> ResultSetFormatter.outputAsJSON(bytes, rows);
            default -> throw new IllegalStateException("format " + format);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final class NoStoreException extends Exception {
        NoStoreException(String message) {
            super(message);
        }
    }
}
