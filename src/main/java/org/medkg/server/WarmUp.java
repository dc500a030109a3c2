package org.medkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.medkg.query.QueryApiDescription;
import org.medkg.query.QueryParameter;
import org.medkg.query.SavedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh server's first answers, asked by the server itself once it listens: its home page, then each saved query
 * run with its examples (those with parameters first: they are quick), one request at a time, on one thread, over
 * the loopback, as a user would ask them. A fresh JVM runs Jena's, Jetty's and medkg's code cold and reads the
 * store's pages for the first time: at 1,000 copies of the corpus, new values of the ten parameterized queries took
 * twice as long on a fresh server as on one warmed so; and the whole-graph answers asked are computed and kept, so
 * that an analyst's first ask after a restart does not wait for them (cross-border-participation, 16 s on a fresh
 * server at that scale).
 */
final class WarmUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(5);

    private final Thread thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean closed;

    private WarmUp(String siteUrl, List<String> paths, Duration patience) {
        this.thread = new Thread(() -> askAll(siteUrl, paths, patience), "medkg-warm-up");
        thread.setDaemon(true);
    }

    /**
     * Starts asking the site at {@code siteUrl} (ending with '/'); a request waits at most {@code patience} for its
     * answer (a whole-graph answer still under way is told so by the server within its own time limit).
     */
    static WarmUp start(String siteUrl, Collection<SavedQuery> queries, Duration patience) {
        WarmUp warmUp = new WarmUp(siteUrl, paths(queries), patience);
        warmUp.thread.start();
        return warmUp;
    }

    /**
     * The paths asked, relative to the site: the home page, then each saved query that its examples let run, those
     * with a required parameter first; a query with a required parameter that has no example is left out.
     */
    static List<String> paths(Collection<SavedQuery> queries) {
        List<String> paths = new ArrayList<>();
        paths.add("");
        List<SavedQuery> runnable = queries.stream()
                .filter(query -> needed(query).stream().allMatch(parameter -> parameter.example() != null))
                .sorted(Comparator.comparing((SavedQuery query) -> needed(query).isEmpty()).thenComparing(SavedQuery::name))
                .toList();
        for (SavedQuery query : runnable) {
            String values = needed(query).stream()
                    .map(parameter -> parameter.name() + "=" + URLEncoder.encode(parameter.example(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            // relative to the site, which ends with '/'
            paths.add(QueryApiDescription.QUERIES_PATH.substring(1) + "/" + query.name()
                    + (values.isEmpty() ? "" : "?" + values));
        }
        return List.copyOf(paths);
    }

    /** Completes when every path has been asked, or the warm-up was closed. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Stops asking; a request under way ends when the server stops. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** The parameters a run must be given a value for: required, with no default. */
    private static List<QueryParameter> needed(SavedQuery query) {
        return query.parameters().stream().filter(parameter -> parameter.required() && parameter.defaultValue() == null)
                .toList();
    }

    private void askAll(String siteUrl, List<String> paths, Duration patience) {
        long start = System.nanoTime();
        int asked = 0;
        List<String> failed = new ArrayList<>();
        try {
            for (String path : paths) {
                if (closed) {
                    return;
                }
                int status = ask(siteUrl + path, patience);
                asked++;
                // 503: a whole-graph answer still being computed apart, which goes on without the request
                if (status != HttpURLConnection.HTTP_OK && status != HttpURLConnection.HTTP_UNAVAILABLE) {
                    failed.add("/" + path + " answered " + (status < 0 ? "nothing" : status));
                }
            }
            LOG.info("warm-up: asked the home page and {} saved queries in {} s{}", asked - 1,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9),
                    failed.isEmpty() ? "" : "; " + String.join(", ", failed));
        } finally {
            done.complete(null);
        }
    }

    /** The status of a GET of {@code url}, its body read and dropped; -1 when there was no answer. */
    private int ask(String url, Duration patience) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_PATIENCE.toMillis());
            connection.setReadTimeout((int) patience.toMillis());
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("warm-up: {}: {}", url, e.toString());
            }
            return -1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
