package org.medkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.medkg.pipeline.Converter;
import org.medkg.publish.MintedBase;
import org.medkg.search.RemoteNameIndex;
import org.medkg.server.MedkgServer;
import org.medkg.store.RemoteDataset;
import org.medkg.store.RemoteStoreException;
import org.medkg.store.SparqlEndpoint;
import org.medkg.store.TdbGraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the TDB2 store as a web site, linked data, an API and SPARQL until interrupted. */
@Command(name = "serve", header = "Serves the store: pages, linked data, search, saved queries and SPARQL.",
        description = {
                "Every IRI under --base answers with its description (303 to /data/… or /page/…); / is the home page.",
                "Queries see the union of the documents' graphs as their default graph.",
                "Writing (SPARQL Update, Graph Store PUT/POST/DELETE) is possible only when a user is given "
                        + "(--user and --password-file, or the environment variables MEDKG_USER and MEDKG_PASSWORD), "
                        + "and then needs HTTP basic auth as that user.",
                "With --endpoint URL the site reads the store of another SPARQL server instead of --store (whose "
                        + "default graph must be the union of its named graphs) and writes nothing: --user and "
                        + "--password-file are then what that server asks for. Names and dates are indexed here, from "
                        + "that store, and indexed again when its documents change (asked every --refresh seconds).",
                "Runs until stopped with Ctrl-C, with a heap of at most " + ServerJvm.DEFAULT_HEAP
                        + " (or $" + ServerJvm.HEAP_VARIABLE + ", or the JVM's own -Xmx)."})
public final class ServeCommand implements Callable<Integer> {
    static final String USER_VARIABLE = "MEDKG_USER";
    static final String PASSWORD_VARIABLE = "MEDKG_PASSWORD";
    /** How long writes must have stopped before the served store is compacted: a load is a quick run of writes. */
    static final Duration COMPACTION_QUIET = Duration.ofSeconds(2);

    @Spec
    private CommandSpec spec;

    @Mixin
    private BaseOption base;

    @Mixin
    private ReadingLimitsOptions limits;

    @Mixin
    private GazetteerOption gazetteer;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR",
            description = "The TDB2 store; made empty if missing. Default: ${DEFAULT-VALUE}.")
    private Path store;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Serve the store of another SPARQL server, read-only: its query URL, e.g. the dataset URL "
                    + "that load --endpoint writes to (http://host:3030/medkg).")
    private String endpoint;

    @Option(names = "--refresh", defaultValue = "60", paramLabel = "SECONDS",
            description = "With --endpoint: how often to ask whether the store's documents changed, to index their "
                    + "names again. Default: ${DEFAULT-VALUE}.")
    private long refreshSeconds;

    @Option(names = "--port", defaultValue = "" + MedkgServer.DEFAULT_PORT, paramLabel = "N",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = MedkgServer.DEFAULT_HOST, paramLabel = "H",
            description = "Address to listen on; 0.0.0.0 for every network. Default: ${DEFAULT-VALUE} (this machine only).")
    private String host;

    @Option(names = "--user", paramLabel = "U", description = "The user allowed to write (or $" + USER_VARIABLE + ").")
    private String user;

    @Option(names = "--password-file", paramLabel = "F",
            description = "File whose first line is that user's password (or $" + PASSWORD_VARIABLE + ").")
    private Path passwordFile;

    @Option(names = "--load", arity = "1..*", paramLabel = "PATH",
            description = "Documents or folders to convert and load into the store before serving.")
    private List<Path> load;

    @Option(names = "--max-query-size", defaultValue = "" + MedkgServer.DEFAULT_MAX_QUERY_BYTES / 1024, paramLabel = "KB",
            description = "The largest body of a request that reads (a SPARQL query, a form), in kilobytes; larger ones "
                    + "answer 413 unread. Writes are not bounded. Default: ${DEFAULT-VALUE}.")
    private long maxQueryKilobytes;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "A folder of more saved queries (*.rq) for the API; one named like a query shipped with medkg "
                    + "replaces it.")
    private Path queries;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Queries, pages and searches running longer are stopped (so are those whose client left). "
                    + "Default: ${DEFAULT-VALUE}.")
    private long timeoutSeconds;

    @Option(names = "--whole-graph-timeout", paramLabel = "SECONDS",
            description = "A saved query run without parameters reads the whole graph: over a local store its answer is computed once, "
                    + "apart from the requests (which wait up to --timeout, then are told to ask again), and kept until "
                    + "the store changes; computing it may take this long. Default: " + MedkgServer.WHOLE_GRAPH_TIMEOUT_FACTOR
                    + " times --timeout.")
    private Long wholeGraphTimeoutSeconds;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Once listening, ask the home page and each saved query with its examples, one at a time, so "
                    + "that the first users find the code warm and the whole-graph answers computed (default); "
                    + "--no-warm-up leaves the processor to the first requests.")
    private boolean warmUp;

    @Override
    public Integer call() throws IOException {
        try {
            return serve();
        } catch (UsageException e) {
            spec.commandLine().getErr().println("medkg serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** A wrong option value found after parsing; told to the user in one line. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private int serve() throws IOException, UsageException {
        PrintWriter err = spec.commandLine().getErr();
        Credentials credentials = credentials();
        MedkgServer.Builder builder = MedkgServer.builder();
        try {
            builder.port(port).host(host).base(base.base()).queryTimeout(Duration.ofSeconds(timeoutSeconds))
                    .maxQueryBytes(Math.multiplyExact(maxQueryKilobytes, 1024L)).warmUp(warmUp);
            if (queries != null) {
                builder.queries(queries);
            }
            if (wholeGraphTimeoutSeconds != null) {
                builder.wholeGraphTimeout(Duration.ofSeconds(wholeGraphTimeoutSeconds));
            }
            if (credentials != null && endpoint == null) {
                builder.credentials(credentials.user(), credentials.password());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        if (endpoint == null && spec.commandLine().getParseResult().hasMatchedOption("--refresh")) {
            throw new UsageException("--refresh is for a store read with --endpoint");
        }
        ServedStore served = endpoint != null ? remoteStore(credentials, err) : localStore(err);
        MedkgServer server = builder.dataset(served.dataset()).build();
        Runnable shutdown = () -> {
            server.stop();
            try {
                served.close().run();
                err.println("medkg serve: stopped");
            } catch (RuntimeException stillReading) {
                // A request past the grace (or a transaction it left open) keeps the store from closing. The process
                // ends all the same, and TDB2 needs no closing to stay whole (its journal): one line, not a trace.
                err.println("medkg serve: stopped; the store is left to TDB2's recovery: " + stillReading.getMessage());
            }
            err.flush();
        };
        Thread hook = new Thread(shutdown, "medkg-serve-shutdown");
        try {
            server.start();
        } catch (RuntimeException e) {
            served.close().run();
            err.println("medkg serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return ExitCodes.INTERNAL_ERROR;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        ServerJvm.returnIdleMemory();
        printEndpoints(server);
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            // Interrupted in-process (tests, embedding): stop here rather than at JVM exit.
            Runtime.getRuntime().removeShutdownHook(hook);
            shutdown.run();
        }
        return ExitCodes.OK;
    }

    /** The store the server reads, and how to let it go once the server has stopped. */
    private record ServedStore(DatasetGraph dataset, Runnable close) {
    }

    private ServedStore localStore(PrintWriter err) throws IOException {
        Converter converter = load == null ? null
                : Converter.standard(base.base(), gazetteer.gazetteer(), limits.limits());
        TdbGraphStore tdb = TdbGraphStore.open(store);
        if (load != null && DocumentLoading.load(tdb, load, converter, "serve", spec.commandLine().getOut(), err) > 0) {
            err.println("medkg serve: serving what could be loaded");
        }
        // Writes over HTTP (load --endpoint) leave old blocks behind, as loads do: compact once they stop.
        tdb.compactInBackground(COMPACTION_QUIET);
        DatasetGraph dataset = tdb.dataset().asDatasetGraph();
        warnIfMintedElsewhere(dataset, err);
        return new ServedStore(dataset, tdb::close);
    }

    /**
     * The store of another SPARQL server. A store that does not answer yet is no reason not to start: the site
     * answers 502 until it does, and its names are indexed once it answers.
     */
    private ServedStore remoteStore(Credentials credentials, PrintWriter err) throws UsageException {
        if (spec.commandLine().getParseResult().hasMatchedOption("--store") || load != null) {
            throw new UsageException("--endpoint serves the store of another server: it cannot be given with --store "
                    + "or --load (load into that server with: medkg load --endpoint URL)");
        }
        if (refreshSeconds <= 0) {
            throw new UsageException("--refresh must be a positive number of seconds: " + refreshSeconds);
        }
        SparqlEndpoint sparql;
        try {
            sparql = SparqlEndpoint.at(endpoint, credentials == null ? null : credentials.user(),
                    credentials == null ? null : credentials.password(),
                    // A bound for reads no request watches (the name index's); the watchdog stops the others first.
                    Duration.ofSeconds(timeoutSeconds).multipliedBy(2));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint: " + e.getMessage());
        }
        RemoteDataset dataset = RemoteDataset.over(sparql);
        try {
            if (!dataset.defaultGraphIsUnion()) {
                err.println("medkg serve: warning: the default graph of " + endpoint + " is empty while its named graphs "
                        + "are not: make it their union (Fuseki: tdb2:unionDefaultGraph true), or saved queries and "
                        + "pages find nothing");
            }
            warnIfMintedElsewhere(dataset, err);
        } catch (RemoteStoreException e) {
            err.println("medkg serve: " + e.getMessage() + ": serving anyway, the site answers 502 until it does");
        }
        RemoteNameIndex names = RemoteNameIndex.start(dataset, endpoint, Duration.ofSeconds(refreshSeconds));
        return new ServedStore(dataset, names::close);
    }

    private void warnIfMintedElsewhere(DatasetGraph dataset, PrintWriter err) {
        if (MintedBase.dataMintedElsewhere(dataset, base.base())) {
            err.println("medkg serve: warning: the store holds no IRI under " + base.base()
                    + ": serve with the --base the data was loaded with");
        }
    }

    private record Credentials(String user, String password) {
    }

    /** From the options, else from the environment; neither is fine (read-only server), half of it is not. */
    private Credentials credentials() throws UsageException {
        String name = user != null ? user : System.getenv(USER_VARIABLE);
        String password = passwordFile != null ? PasswordFile.firstLine(passwordFile) : System.getenv(PASSWORD_VARIABLE);
        if (name == null && password == null) {
            return null;
        }
        if (name == null || name.isBlank()) {
            throw new UsageException(
                    "a password was given but no user: use --user or $" + USER_VARIABLE);
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException(
                    "user " + name + " has no password: use --password-file or $" + PASSWORD_VARIABLE);
        }
        return new Credentials(name, password);
    }

    private void printEndpoints(MedkgServer server) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Home page:           " + server.siteUrl());
        out.println("Saved queries (API): " + server.siteUrl() + "api/queries");
        out.println("SPARQL query:        " + server.sparqlUrl());
        server.updateUrl().ifPresent(url -> out.println("SPARQL update:       " + url + " (basic auth)"));
        out.println("Graph Store (read):  " + server.graphStoreReadUrl() + "?graph=IRI");
        server.graphStoreWriteUrl().ifPresent(url -> out.println("Graph Store (write): " + url + "?graph=IRI (basic auth)"));
        out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
