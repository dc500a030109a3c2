package org.medkg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A {@code medkg serve} run on a thread of the test's JVM: its output so far and its exit status once stopped. */
record ServeInProcess(Thread thread, StringWriter out, StringWriter err, CompletableFuture<Integer> status) {

    private static final Pattern ENDPOINT_LINE = Pattern.compile("^([^:]+):\\s+(http://\\S+)", Pattern.MULTILINE);

    /** Starts {@code medkg ARGS…} (the first argument is {@code serve}). */
    static ServeInProcess start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread thread = new Thread(() -> status.complete(
                Medkg.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args)), "serve");
        thread.start();
        return new ServeInProcess(thread, out, err, status);
    }

    /** The printed endpoints, by label, once the server says it is ready (or has stopped, or a minute passed). */
    Map<String, String> endpoints() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("Graph Store (read)") && System.nanoTime() < deadline && !status.isDone()) {
            Thread.sleep(50);
        }
        Matcher m = ENDPOINT_LINE.matcher(out.toString());
        return m.results().collect(Collectors.toMap(r -> r.group(1).strip(), r -> r.group(2)));
    }

    /** Interrupts the server, as a stop in-process does, and waits for its exit status. */
    int stop() throws Exception {
        thread.interrupt();
        return status.get(60, TimeUnit.SECONDS);
    }
}
