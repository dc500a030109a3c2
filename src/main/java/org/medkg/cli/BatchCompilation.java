package org.medkg.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.medkg.text.DataLines;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The JIT compilers of a command that converts documents ({@code convert}, {@code validate}, {@code load} of
 * documents): the quick one (C1) only, but for the store's engine. Conversion runs a great deal of code (readers,
 * morphology, recognizers, analysis, RDF) each part a little, so HotSpot's optimizing compiler (C2) keeps compiling
 * throughout a batch: on two cores it took a core for most of a run and its compiled code came too late to pay for
 * itself (hemcenter's 130 documents 7.9 s of CPU with it, 5.2 s without; the 1,430 of the 10x corpus, 23.4 s and
 * 14.5 s). TDB2's code is the opposite, a few loops run millions of times, so C2 stays for the packages of
 * {@value #OPTIMIZED_PACKAGES}. A load of files of converted graphs converts nothing and keeps both compilers
 * everywhere (the 100x corpus's N-Quads: 49 s under C1 alone, 33 s with C2).
 *
 * <p>The choice is a compiler directive added through the JVM's diagnostic command ({@code jcmd PID
 * Compiler.directives_add}), since {@code java -jar} takes no JVM options from the jar. {@code serve} runs for long
 * and keeps C2; so does a JVM given compiler options of its own.
 */
final class BatchCompilation {
    /** A command that may convert documents, and knows from its arguments whether it will. */
    interface Converting {
        boolean convertsDocuments();
    }

    static final String OPTIMIZED_PACKAGES = "optimized-packages.txt";
    private static final List<String> COMPILER_OPTIONS =
            List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation", "-XX:CompilerDirectivesFile", "-Xint");

    private BatchCompilation() {
    }

    /** For a command that converts documents, in a JVM given no compiler options: C1 only from here on, but for TDB2. */
    static void chooseFor(CommandLine commandLine, String[] args) {
        if (!convertsDocuments(commandLine, args) || ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> COMPILER_OPTIONS.stream().anyMatch(argument::startsWith))) {
            return;
        }
        try {
            Path directives = Files.createTempFile("medkg-compiler", ".json");
            try {
                Files.writeString(directives, directives());
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | JMException | RuntimeException e) {
            // No temporary file or another JVM: both compilers stay, which only takes longer.
        }
    }

    /**
     * HotSpot's directives: the first whose pattern matches a method decides, so C2 is kept for the optimized
     * packages before it is excluded for everything.
     */
    static String directives() {
        String optimized = DataLines.entries(BatchCompilation.class, OPTIMIZED_PACKAGES).stream()
                .map(pkg -> "\"" + pkg.replace('.', '/') + "/*.*\"").collect(Collectors.joining(", "));
        return "[{ match: [" + optimized + "], c2: { Exclude: false } }, { match: \"*.*\", c2: { Exclude: true } }]";
    }

    /** The arguments parsed once ahead (picocli resets them for the run); arguments it refuses are its to report. */
    static boolean convertsDocuments(CommandLine commandLine, String[] args) {
        try {
            ParseResult parsed = commandLine.parseArgs(args);
            return parsed.subcommand() != null
                    && parsed.subcommand().commandSpec().userObject() instanceof Converting command
                    && command.convertsDocuments();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }
}
