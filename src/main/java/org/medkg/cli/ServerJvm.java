package org.medkg.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JVM that {@code serve} runs in, with a bounded heap. Left to itself the JVM may take a quarter of the machine's
 * memory for its heap, and a busy server does take it: 250 MB grew to 1.97 GB under 64 clients and stayed at 3.45 GB
 * once idle. So {@code java -jar medkg.jar serve}, started without a heap size, starts itself again in a child JVM
 * with {@code -Xmx}{@value #DEFAULT_HEAP} (or {@code $MEDKG_HEAP}); its input and output are the parent's, stopping
 * the parent stops it, and it exits when the parent dies, even by {@code kill -9}. A heap size given to the JVM
 * ({@code -Xmx}, {@code -XX:MaxRAMPercentage}…, also through {@code JAVA_TOOL_OPTIONS}) is used as it is, in one JVM.
 */
final class ServerJvm {
    static final String HEAP_VARIABLE = "MEDKG_HEAP";
    static final String DEFAULT_HEAP = "512m";
    /** Set for the child: the process to outlive by no more than a moment. */
    static final String PARENT_VARIABLE = "MEDKG_PARENT_PID";
    private static final List<String> HEAP_OPTIONS =
            List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM=", "-XX:MaxRAMPercentage=", "-XX:MaxRAMFraction=");
    /** How long a server may be idle before the JVM collects, to give unused memory back. */
    private static final Duration IDLE_COLLECTION = Duration.ofMinutes(1);
    /** How long a stopping child may take to close its store before it is killed. */
    private static final long STOP_SECONDS = 60;

    private ServerJvm() {
    }

    /** Whether this JVM must start {@code serve} in a child: it was asked to serve and was given no heap size. */
    static boolean needsChild(String[] args) {
        return args.length > 0 && args[0].equals("serve") && System.getenv(PARENT_VARIABLE) == null
                && ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(argument -> HEAP_OPTIONS.stream().anyMatch(argument::startsWith));
    }

    /** Runs the command in a child JVM with a bounded heap; returns its exit status. */
    static int runInChild(String[] args, PrintWriter err) {
        String heap = Optional.ofNullable(System.getenv(HEAP_VARIABLE)).filter(value -> !value.isBlank())
                .orElse(DEFAULT_HEAP).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // System properties given to this JVM (file encoding…) hold for the child too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-D")).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Medkg.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(PARENT_VARIABLE, Long.toString(ProcessHandle.current().pid()));
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("medkg serve: cannot start a JVM with -Xmx" + heap + ": " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        // Ctrl-C, kill: the child stops as the parent does, and closes its store on the way.
        Thread stopChild = new Thread(() -> stop(child), "medkg-serve-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            int status = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return status;
        } catch (IllegalStateException shuttingDown) {
            // The parent is being stopped, and its hook has stopped the child: nothing left to do.
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            stop(child);
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** In the child: exits, through the shutdown hooks that close the store, when the parent has gone. */
    static void exitWithParent(PrintWriter err) {
        String parent = System.getenv(PARENT_VARIABLE);
        if (parent == null) {
            return;
        }
        Optional<ProcessHandle> handle;
        try {
            handle = ProcessHandle.of(Long.parseLong(parent));
        } catch (NumberFormatException e) {
            return;
        }
        if (handle.isEmpty()) {
            System.exit(ExitCodes.OK);
        }
        handle.get().onExit().thenRun(() -> {
            err.println("medkg serve: the process that started this server has gone; stopping");
            err.flush();
            System.exit(ExitCodes.OK);
        });
    }

    /**
     * Lets the JVM give the memory an idle server no longer uses back to the system: G1 does so only after a
     * collection, and an idle server makes no garbage to collect, so one is run after a minute of idleness; and it
     * keeps at most 30% of its heap free (70% by default) once it has collected.
     */
    static void returnIdleMemory() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            // The least free share first: it may never exceed the most.
            hotspot.setVMOption("MinHeapFreeRatio", "10");
            hotspot.setVMOption("MaxHeapFreeRatio", "30");
            hotspot.setVMOption("G1PeriodicGCInterval", Long.toString(IDLE_COLLECTION.toMillis()));
        } catch (IllegalArgumentException | UnsupportedOperationException otherCollector) {
            // Another garbage collector (chosen by the user) or another JVM: its own rules apply.
        }
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
