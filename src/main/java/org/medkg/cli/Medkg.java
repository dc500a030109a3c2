package org.medkg.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.medkg.store.StoreInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The medkg command line: one subcommand class per verb. */
@Command(name = "medkg", mixinStandardHelpOptions = true, version = "medkg 0.1.0",
        description = "A knowledge graph of medical events, experts, organizations and cities.",
        subcommands = {ConvertCommand.class, LoadCommand.class, ServeCommand.class, QueryCommand.class,
                QueriesCommand.class, ValidateCommand.class, GazetteerCommand.class, CommandLine.HelpCommand.class})
public final class Medkg {

    /** The configured command line, writing to the given streams: what main runs and what tests call. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Medkg());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(
                e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL_ERROR);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UnusableInputException || e instanceof StoreInUseException) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                cmd.getErr().flush();
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("medkg: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            cmd.getErr().flush();
            return ExitCodes.INTERNAL_ERROR;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (ServerJvm.needsChild(args)) {
            System.exit(ServerJvm.runInChild(args, err));
        }
        ServerJvm.exitWithParent(err);
        CommandLine commandLine = commandLine(out, err);
        BatchCompilation.chooseFor(commandLine, args);
        int status = commandLine.execute(args);
        out.flush();
        HttpSelectorThreads.stop();
        System.exit(status);
    }
}
