package org.medkg.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Clients that ask for one request again and again, all at once, for a fixed time, each waiting for its answer
 * (read whole) before asking again: requests, errors (no answer, or a status other than 200), latency percentiles
 * of every request and throughput.
 */
final class LoadClients {
    /**
     * How long a request waits for its answer. Not given to the request itself: Java 17's HttpClient then lets the
     * timer of a request that was redirected (the description's 303) fire later on the connection it left, and abort
     * whichever request uses that connection then (JDK-8304701, fixed in JDK 22): 1–5 requests of a 60 s run got no
     * answer, just as the run ended, from a server that had answered them.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int OK = 200;
    private static final int NO_ANSWER = 0;

    /** Longest part of an exception's message kept to tell why a request got no answer. */
    private static final int REASON_LENGTH = 120;

    /**
     * What the clients saw: requests, failures by status (0: no answer) and why those without an answer got none
     * (the client's exception), latency percentiles in milliseconds, requests per second.
     */
    record Stats(long requests, Map<Integer, Long> failures, Map<String, Long> noAnswers, double p50, double p95,
                 double p99, double perSecond) {
        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The figures of {@code latencies} in nanoseconds, sorted, asked over {@code seconds}. */
        static Stats of(long[] latencies, Map<Integer, Long> failures, Map<String, Long> noAnswers, double seconds) {
            return new Stats(latencies.length, new TreeMap<>(failures), new TreeMap<>(noAnswers),
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    latencies.length / seconds);
        }

        String cell() {
            return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms; %.1f/s; %d of %d failed%s%s", p50, p95, p99,
                    perSecond, errors(), requests, failures.isEmpty() ? "" : " " + failures,
                    noAnswers.isEmpty() ? "" : " (no answer: " + noAnswers + ")");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int clients;
    private final Duration duration;
    private final Duration requestTimeout;

    LoadClients(int clients, Duration duration) {
        this(clients, duration, REQUEST_TIMEOUT);
    }

    LoadClients(int clients, Duration duration, Duration requestTimeout) {
        this.clients = clients;
        this.duration = duration;
        this.requestTimeout = requestTimeout;
    }

    Stats run(HttpRequest.Builder request) throws InterruptedException, ExecutionException {
        HttpRequest built = request.build();
        long end = System.nanoTime() + duration.toNanos();
        Map<Integer, Long> failures = new ConcurrentSkipListMap<>();
        Map<String, Long> noAnswers = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long began = System.nanoTime();
            List<Future<long[]>> each = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                each.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = status(built, noAnswers);
                        if (status != OK) {
                            failures.merge(status, 1L, Long::sum);
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> client : each) {
                latencies.add(client.get());
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return Stats.of(all, failures, noAnswers, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each request once, one at a time, as one client asks questions no one asked before (the server keeps no
     * answer for them yet).
     */
    Stats oneAtATime(List<HttpRequest.Builder> requests) {
        Map<Integer, Long> failures = new TreeMap<>();
        Map<String, Long> noAnswers = new TreeMap<>();
        long[] latencies = new long[requests.size()];
        long began = System.nanoTime();
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            int status = status(requests.get(i).build(), noAnswers);
            if (status != OK) {
                failures.merge(status, 1L, Long::sum);
            }
            latencies[i] = System.nanoTime() - start;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(latencies);
        return Stats.of(latencies, failures, noAnswers, seconds);
    }

    /**
     * The status of the answer, or 0 when none came within the request timeout, counting why in
     * {@code noAnswers}.
     */
    private int status(HttpRequest request, Map<String, Long> noAnswers) {
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (ExecutionException e) {
            noAnswers.merge(reason(e.getCause()), 1L, Long::sum);
            return NO_ANSWER;
        } catch (TimeoutException e) {
            answer.cancel(true);
            noAnswers.merge(reason(e), 1L, Long::sum);
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }

    /** The exception's class and the start of its message: what the client was told, for the table. */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String reason = e.getClass().getSimpleName() + message;
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH) + "…";
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
