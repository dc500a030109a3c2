package org.medkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A command run for the benchmark: its wall time and its peak resident memory, the high-water mark (VmHWM of
 * {@code /proc/PID/status}) of the process and of every process it started (serve's second JVM), read every 100 ms
 * while it runs and added up. Output and errors go to a log file.
 */
final class MeasuredProcess implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;

    /** A finished command: exit status, seconds from start to exit, peak resident memory in bytes. */
    record Result(int status, double seconds, long peakRssBytes) {
    }

    private final Process process;
    private final long started;
    private final Map<Long, Long> peakKbByProcess = new ConcurrentHashMap<>();
    private final Thread sampler;

    private MeasuredProcess(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static MeasuredProcess start(List<String> command, Path log) throws IOException {
        return new MeasuredProcess(command, log);
    }

    /** Runs {@code command} to its end. */
    static Result run(List<String> command, Path log) throws IOException, InterruptedException {
        try (MeasuredProcess running = start(command, log)) {
            return running.waitFor();
        }
    }

    Result waitFor() throws InterruptedException {
        int status = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Result(status, seconds, peakRssBytes());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Seconds since the command started. */
    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The peak resident memory so far, in bytes, of the process and the processes it started. */
    long peakRssBytes() {
        readPeaks();
        return peakKbByProcess.values().stream().mapToLong(Long::longValue).sum() * 1024;
    }

    /** Stops the command and the processes it started, and waits for them. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        children.forEach(ProcessHandle::destroy);
        sampler.interrupt();
        sampler.join();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            readPeaks();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readPeaks() {
        Stream.concat(Stream.of(process.toHandle()), process.descendants()).forEach(handle -> {
            long kb = highWaterMarkKb(handle.pid());
            if (kb > 0) {
                peakKbByProcess.merge(handle.pid(), kb, Math::max);
            }
        });
    }

    private static long highWaterMarkKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:")).map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;  // the process ended between listing and reading
        }
    }
}
