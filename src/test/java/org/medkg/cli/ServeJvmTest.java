package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.store.TdbGraphStore;

/**
 * {@code medkg serve} started as a user starts it, as a process of its own: without a heap size it serves from a
 * child JVM with a bounded heap, which goes when its parent goes, even killed; with a heap size it stays one JVM.
 */
@Timeout(300)
class ServeJvmTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void withoutAHeapSizeItServesFromAChildThatDiesWithItsParentEvenKilled() throws Exception {
        Process serve = start(List.of(), Map.of());
        try {
            ProcessHandle child = awaitServing(serve).orElseThrow(() -> new AssertionError("no child JVM"));
            assertTrue(commandLine(child).contains(" -Xmx" + ServerJvm.DEFAULT_HEAP + " "), commandLine(child));

            serve.destroyForcibly().waitFor();

            assertTrue(child.onExit().get(WITHIN.toSeconds(), TimeUnit.SECONDS) != null);
            assertTrue(Files.readString(dir.resolve("serve.log")).contains("has gone; stopping"));
            // The child closed the store on its way out: another process may open it.
            TdbGraphStore.open(dir.resolve("store")).close();
        } finally {
            stop(serve);
        }
    }

    @Test
    void medkgHeapChoosesTheChildsHeapAndStoppingTheParentStopsTheChild() throws Exception {
        Process serve = start(List.of(), Map.of(ServerJvm.HEAP_VARIABLE, "200m"));
        try {
            ProcessHandle child = awaitServing(serve).orElseThrow(() -> new AssertionError("no child JVM"));
            assertTrue(commandLine(child).contains(" -Xmx200m "), commandLine(child));

            serve.destroy();

            assertTrue(serve.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS), "the parent stops");
            assertTrue(child.onExit().get(WITHIN.toSeconds(), TimeUnit.SECONDS) != null);
            assertTrue(Files.readString(dir.resolve("serve.log")).contains("medkg serve: stopped"),
                    "the child stopped its server and closed its store");
        } finally {
            stop(serve);
        }
    }

    @Test
    void aHeapSizeGivenToTheJvmKeepsItOneProcess() throws Exception {
        Process serve = start(List.of("-Xmx200m"), Map.of());
        try {
            assertEquals(Optional.empty(), awaitServing(serve));
        } finally {
            stop(serve);
        }
    }

    private Process start(List<String> jvmOptions, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Medkg.class.getName(), "serve",
                "--store", dir.resolve("store").toString(), "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        builder.environment().remove(ServerJvm.HEAP_VARIABLE);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the server prints its addresses; returns the child JVM serving, if there is one. */
    private Optional<ProcessHandle> awaitServing(Process serve) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!Files.readString(dir.resolve("serve.log")).contains("Graph Store (read)")) {
            assertTrue(serve.isAlive(), "serve ended: " + Files.readString(dir.resolve("serve.log")));
            assertTrue(System.nanoTime() < deadline, "serve did not start: " + Files.readString(dir.resolve("serve.log")));
            Thread.sleep(200);
        }
        return serve.toHandle().children().filter(child -> child.info().command().orElse("").endsWith("java")).findFirst();
    }

    /** The process's command line, as one string, maybe cut short (the JDK gives no argument list when it is long). */
    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static void stop(Process serve) throws InterruptedException {
        List<ProcessHandle> children = serve.toHandle().descendants().toList();
        serve.destroy();
        serve.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroy);
    }
}
