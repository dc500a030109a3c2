package org.medkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.jena.sys.JenaSystem;
import org.medkg.document.DocumentFormat;
import org.medkg.pipeline.Converter;
import org.medkg.pipeline.GraphFiles;
import org.medkg.store.GraphStore;
import org.medkg.store.RemoteGraphStore;
import org.medkg.store.StoreInUseException;
import org.medkg.store.TdbGraphStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Converts documents and stores each as its named graph, replacing only what changed. */
@Command(name = "load", header = "Converts documents and loads them into a store, replacing only what changed.")
public final class LoadCommand implements Callable<Integer>, BatchCompilation.Converting {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BaseOption base;

    @Mixin
    private ReadingLimitsOptions limits;

    @Mixin
    private GazetteerOption gazetteer;

    @ArgGroup(exclusive = true)
    private Target target;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Documents or folders of documents.")
    private List<Path> inputs;

    /** Where to load: a local TDB2 folder or a remote dataset, not both. */
    static final class Target {
        @Option(names = "--store", paramLabel = "DIR",
                description = "TDB2 database folder, created if missing. Default: ./store.")
        Path store;

        @ArgGroup(exclusive = false)
        Remote remote;
    }

    static final class Remote {
        @Option(names = "--endpoint", required = true, paramLabel = "URL",
                description = "A dataset with SPARQL query and the Graph Store Protocol, e.g. http://localhost:3030/ds.")
        String url;

        @Option(names = "--user", description = "User name for the endpoint. Default: $" + ServeCommand.USER_VARIABLE + ".")
        String user;

        @ArgGroup(exclusive = true)
        Password password;
    }

    /** The password, best from a file or the environment: a command line is visible to every user (ps). */
    static final class Password {
        @Option(names = "--password-file", paramLabel = "F",
                description = "File whose first line is the password. Default: $" + ServeCommand.PASSWORD_VARIABLE + ".")
        Path file;

        @Option(names = "--password", paramLabel = "P",
                description = "The password itself: visible to other users of this machine (ps); prefer --password-file.")
        String given;
    }

    /**
     * Unless every input is a file of converted graphs. A folder or a document's name answers without Jena, whose
     * first use starts the logging: half a second that {@link BatchCompilation} asks this on the main thread, before
     * the converter's start-up can begin.
     */
    @Override
    public boolean convertsDocuments() {
        return inputs.stream().anyMatch(input -> DocumentFormat.isStandardName(input) || Files.isDirectory(input))
                || !inputs.stream().allMatch(GraphFiles::isGraphFile);
    }

    @Override
    public Integer call() {
        // Three parts of a load share nothing until the first window is stored: the converter reads its lexicons and
        // gazetteer on a thread of its own; this thread starts Jena, then the store opens on a thread of its own
        // (TDB2 and the name index, or Jena's HTTP client: about a second of class loading and files) while this
        // thread converts, as soon as the converter is ready. For a load of a few documents, that was most of its
        // time.
        Path dir = localStore();
        if (dir != null) {
            StoreInUseException.ifHeldElsewhere(dir);
        }
        // files of converted graphs need no converter: its lexicons and gazetteer are a second of CPU
        ConverterStartup startup = !convertsDocuments() ? null : ConverterStartup.begin(
                () -> Converter.standard(base.base(), gazetteer.gazetteer(), limits.limits()));
        JenaSystem.init();
        try (GraphStore store = OpeningStore.begin(dir != null ? () -> TdbGraphStore.open(dir) : remoteStore())) {
            Converter converter = startup == null ? null : startup.converter();
            int failures = DocumentLoading.load(store, inputs, converter, "load", spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            return failures == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }
    }

    /** The local store's folder, or null when loading into a remote store. */
    private Path localStore() {
        if (target != null && target.remote != null) {
            return null;
        }
        return target != null && target.store != null ? target.store : Path.of("store");
    }

    /** Connects to the remote store; its credentials are read here, so that an unusable password file is told first. */
    private Supplier<GraphStore> remoteStore() {
        Remote remote = target.remote;
        String user = orEnvironment(remote.user, ServeCommand.USER_VARIABLE);
        String password = password(remote.password);
        return () -> RemoteGraphStore.connect(remote.url, user, password);
    }

    private String password(Password password) {
        if (password == null) {
            return System.getenv(ServeCommand.PASSWORD_VARIABLE);
        }
        if (password.file != null) {
            return PasswordFile.firstLine(password.file);
        }
        spec.commandLine().getErr().println("medkg load: warning: --password can be read by every user of this machine "
                + "(ps); use --password-file F or $" + ServeCommand.PASSWORD_VARIABLE);
        return password.given;
    }

    private static String orEnvironment(String given, String variable) {
        return given != null ? given : System.getenv(variable);
    }
}
