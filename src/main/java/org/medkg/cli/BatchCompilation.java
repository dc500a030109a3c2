package org.medkg.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JIT compilers of a batch command ({@code convert}, {@code load}, {@code validate}): the quick one (C1) only.
 * Conversion runs a great deal of code (readers, morphology, recognizers, analysis, RDF) each part a little, so
 * HotSpot's optimizing compiler (C2) keeps compiling throughout a batch: on two cores it took a core for most of a
 * run and its compiled code came too late to pay for itself (hemcenter's 130 documents 7.9 s of CPU with it, 5.2 s
 * without; the 1,430 of the 10x corpus, 23.4 s and 14.5 s). It is turned off by a compiler directive added through
 * the JVM's diagnostic command ({@code jcmd PID Compiler.directives_add}), since {@code java -jar} takes no JVM
 * options from the jar. {@code serve} runs for long and keeps C2; so does a JVM given compiler options of its own.
 */
final class BatchCompilation {
    private static final Set<String> BATCH_COMMANDS = Set.of("convert", "load", "validate");
    private static final List<String> COMPILER_OPTIONS =
            List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation", "-XX:CompilerDirectivesFile", "-Xint");
    private static final String QUICK_COMPILER_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private BatchCompilation() {
    }

    /** For a batch command in a JVM given no compiler options: C1 only from here on. */
    static void chooseFor(String[] args) {
        if (args.length == 0 || !BATCH_COMMANDS.contains(args[0])
                || ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> COMPILER_OPTIONS.stream().anyMatch(argument::startsWith))) {
            return;
        }
        try {
            Path directives = Files.createTempFile("medkg-compiler", ".json");
            try {
                Files.writeString(directives, QUICK_COMPILER_ONLY);
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
}
