package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validate verb run in-process on the seeds in data/. */
class ValidateCommandTest {

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Medkg.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void validatingTheSeedsPrintsAReportWhoseExitStatusMatchesIt() {
        long seeds = countFiles(Path.of("data"));
        Run run = run("validate", "data");
        List<String> lines = run.out().lines().toList();
        assertTrue(!lines.isEmpty(), "a report is printed");
        String last = lines.get(lines.size() - 1);
        if (run.status() == ExitCodes.OK) {
            assertEquals("conforms: " + seeds + " documents", last);
        } else {
            assertEquals(ExitCodes.INVALID_GRAPH, run.status(), run.err());
            assertTrue(last.endsWith(" violations in " + seeds + " documents"), last);
            assertTrue(lines.stream().limit(lines.size() - 1L).allMatch(line -> line.startsWith("<https://")
                    || line.startsWith("(")), "each violation line starts with its graph:\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void aMissingInputIsOneErrorLineAndExitStatusOne() {
        Run run = run("validate", "data/no-such-document.md");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("data/no-such-document.md"), run.err());
        assertEquals("conforms: 0 documents", run.out().strip());
    }

    private static long countFiles(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
