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
        int status;
        try {
            status = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // thrown past picocli, which handles exceptions only; the work's memory is unreachable again by now
            status = outOfMemory(commandLine, err);
        }
        out.flush();
        HttpSelectorThreads.stop();
        System.exit(status);
    }

    /** Says which command ran out of memory, the heap it had, and how to give it more: not a stack trace. */
    private static int outOfMemory(CommandLine commandLine, PrintWriter err) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        String command = parsed != null && parsed.subcommand() != null
                ? parsed.subcommand().commandSpec().qualifiedName() : "medkg";
        String verb = command.substring(command.lastIndexOf(' ') + 1);
        err.printf("%s: out of memory: the work asked needs more than this JVM's heap of %d MB; give it a larger one, "
                + "e.g. java -Xmx%dg -jar medkg.jar %s …%n", command, Runtime.getRuntime().maxMemory() >> 20,
                Math.max(2, 2 * (Runtime.getRuntime().maxMemory() >> 30)), verb);
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }
}
