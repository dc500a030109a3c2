package org.medkg.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * medkg commands as an operator runs them, each in a JVM of its own started with no JVM option (so {@code serve}
 * starts its bounded child JVM, see {@link ServerJvm}), its output in a log file: for the benchmarks and the
 * reliability runs, which measure, kill and restart real processes.
 */
final class MedkgProcess {

    private MedkgProcess() {
    }

    /** Starts {@code medkg args…} with stdout and stderr in {@code log}, and the given environment variables added. */
    static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Medkg.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** {@code kill -9} of the process and of every process it started (serve's child JVM), all at once. */
    static void kill(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
            for (ProcessHandle handle : all) {
                handle.onExit().join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code url} answers 200; fails if the process ends first or it takes longer than {@code patience}. */
    static void awaitAnswer(String url, Process process, Duration patience, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (status(http, url) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no answer from " + url + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** The HTTP status of a GET, or -1 when the connection failed. */
    static int status(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The resident memory of the process and every process it started, in kB (from /proc). */
    static long residentKb(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        long total = 0;
        for (ProcessHandle handle : all) {
            total += residentKb(handle.pid());
        }
        return total;
    }

    static long residentKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }
}
