package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        MeasuredProcess.Result small = MeasuredProcess.run(java("-Xms16m", "-Xmx16m"), dir.resolve("small.log"));
        MeasuredProcess.Result large = MeasuredProcess.run(java("-Xms300m", "-Xmx300m"), dir.resolve("large.log"));

        assertEquals(0, small.status());
        assertEquals(0, large.status());
        assertTrue(large.peakRssBytes() >= 300 * MB, large.toString());
        assertTrue(small.peakRssBytes() > 0 && small.peakRssBytes() < 200 * MB, small.toString());
        assertTrue(large.seconds() > 0);
    }

    /** A JVM that touches its whole heap at start, then says its version and ends. */
    private static List<String> java(String initialHeap, String maxHeap) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), initialHeap, maxHeap,
                "-XX:+AlwaysPreTouch", "-version");
    }
}
