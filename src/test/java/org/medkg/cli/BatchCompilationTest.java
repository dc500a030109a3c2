package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BatchCompilationTest {

    @Test
    void onlyCommandsThatConvertDocumentsGiveUpTheOptimizingCompiler() {
        assertTrue(converts("convert", "data/000_seed.md"));
        assertTrue(converts("validate", "data"));
        assertTrue(converts("load", "--store", "store", "data"));
        assertTrue(converts("load", "--store", "store", "dump.nq.gz", "data/000_seed.md"));
        // a load of converted graphs is all TDB2 and parsing: both compilers stay
        assertFalse(converts("load", "--store", "store", "corpus.nq", "dump.trig.gz"));
        assertFalse(converts("serve", "--store", "store"));
        assertFalse(converts("query", "events-by-city", "--store", "store"));
        // arguments picocli refuses are reported by the run itself, not here
        assertFalse(converts("load", "--no-such-option"));
    }

    @Test
    void theDirectivesAreOnesThisJvmAcceptsAndKeepTheOptimizedPackagesFirst(@TempDir Path dir) throws Exception {
        Path directives = dir.resolve("directives.json");
        Files.writeString(directives, BatchCompilation.directives());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + directives, "-XX:+CompilerDirectivesPrint", "-version")
                .redirectErrorStream(true).start();
        String printed = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), printed);
        List<String> matching = printed.lines().filter(line -> line.strip().startsWith("matching:")).toList();
        // ours first, in the order written, then HotSpot's own default
        assertTrue(matching.size() >= 2, printed);
        assertTrue(matching.get(0).contains("org/apache/jena/tdb2/*.*")
                && matching.get(0).contains("org/apache/jena/dboe/*.*"), printed);
        assertEquals("matching: *.*", matching.get(1).strip(), printed);
    }

    private static boolean converts(String... args) {
        StringWriter ignored = new StringWriter();
        CommandLine commandLine = Medkg.commandLine(new PrintWriter(ignored), new PrintWriter(ignored));
        return BatchCompilation.convertsDocuments(commandLine, args);
    }
}
