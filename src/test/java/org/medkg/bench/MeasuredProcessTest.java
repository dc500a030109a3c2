package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's peak memory is that of the process measured: a JVM that touches a larger heap weighs more. */
class MeasuredProcessTest {
    private static final long MB = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void peakResidentMemoryFollowsTheHeapAProcessTouches() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "resident memory is read from /proc");
        // a program that lives on after touching its heap: memory is read every 100 ms, and `java -version` alone
        // ended before the next read on a fast machine (214 MB read of 300)
        Path pause = Files.writeString(dir.resolve("Pause.java"),
                "class Pause { public static void main(String[] args) throws Exception { Thread.sleep(500); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, pause.toString()));
        MeasuredProcess.Result small = MeasuredProcess.run(java("-Xms16m", "-Xmx16m", pause), dir.resolve("small.log"));
        MeasuredProcess.Result large = MeasuredProcess.run(java("-Xms300m", "-Xmx300m", pause), dir.resolve("large.log"));

        assertEquals(0, small.status());
        assertEquals(0, large.status());
        assertTrue(large.peakRssBytes() >= 300 * MB, large.toString());
        assertTrue(small.peakRssBytes() > 0 && small.peakRssBytes() < 200 * MB, small.toString());
        assertTrue(large.seconds() > 0);
    }

    /** A JVM that touches its whole heap at start, then runs the class compiled from {@code program}, and ends. */
    private static List<String> java(String initialHeap, String maxHeap, Path program) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), initialHeap, maxHeap,
                "-XX:+AlwaysPreTouch", "-cp", program.getParent().toString(), "Pause");
    }
}
