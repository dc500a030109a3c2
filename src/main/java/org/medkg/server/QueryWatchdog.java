package org.medkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.medkg.store.RemoteStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops every query of the server at the time limit and when its client leaves: SPARQL at the endpoint, saved
 * queries, pages, search, descriptions; and answers 502 for those a remote store could not answer. Each request passes through {@link #filter()}, which gives it a
 * {@link RequestWatch}; whatever the request reads of the store, it reads through its watch. One thread looks at the
 * requests reading the store ten times a second and cancels those past the limit or whose client is gone.
 *
 * <p>Why not ARQ's own time limit: its alarm waits for a lock that a query holds while it builds its plan, and
 * building a plan can take the whole query (an {@code OFFSET} skips its rows then). Such a query ran on past any
 * limit, and held up ARQ's single alarm thread, so every other query's limit, meanwhile. And ARQ cannot know that a
 * client has gone: a query counting rows writes nothing until it ends. Setting a query's cancel signal needs no lock.
 */
final class QueryWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);
    private static final long CHECK_EVERY_MILLIS = 100;

    private final Duration timeLimit;
    /** The store every request reads: no request may leave a transaction of it open on its thread. */
    private final DatasetGraph store;
    private final Set<RequestWatch> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService checker;

    QueryWatchdog(Duration timeLimit, DatasetGraph store) {
        this.timeLimit = timeLimit;
        this.store = store;
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "medkg-query-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(PeriodicCheck.surviving(LOG, "the watch over running requests", this::checkAll),
                CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    Duration timeLimit() {
        return timeLimit;
    }

    /** How many requests are reading the store now. */
    int running() {
        return running.size();
    }

    /** The filter every request of the site passes through, Fuseki's endpoints included. */
    Filter filter() {
        return new WatchFilter();
    }

    void running(RequestWatch watch) {
        running.add(watch);
    }

    /** The server is stopping: every request reading the store is stopped at its next step. */
    void cancelAll() {
        running.forEach(watch -> watch.cancel(RequestWatch.Stop.SERVER_STOPPING));
    }

    /** Waits at most {@code patience} until no request reads the store. */
    void awaitNoneRunning(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CHECK_EVERY_MILLIS / 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }

    private void checkAll() {
        for (RequestWatch watch : running) {
            try {
                watch.check();
            } catch (RuntimeException e) {
                // One odd connection must not stop the watch over all the others.
                LOG.warn("cannot check a running request", e);
            }
        }
    }

    private final class WatchFilter implements Filter {
        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            RequestWatch watch = RequestWatch.begin(QueryWatchdog.this, request);
            try {
                chain.doFilter(request, watch.response(response));
            } catch (QueryCancelledException e) {
                if (response.isCommitted()) {
                    // Part of the body is sent: Jetty cuts the connection, so the client cannot take it for whole.
                    throw e;
                }
                // Parts of the site with their own error format answer this themselves; this is the plain answer.
                if (watch.stop() != RequestWatch.Stop.CLIENT_LEFT) {
                    response.resetBuffer();
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", watch.retryAfter());
                    response.setContentType("text/plain");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().println("medkg: " + request.getRequestURI()
                            + (watch.stop() == RequestWatch.Stop.SERVER_STOPPING ? " was stopped: the server is stopping"
                            : " took longer than the server's time limit of " + timeLimit.toMillis()
                            + " ms and was stopped"));
                }
            } catch (RemoteStoreException e) {
                // A remote store that is down or failing: say so, rather than a stack trace (see serve --endpoint).
                if (response.isCommitted()) {
                    throw e;
                }
                LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
                response.setHeader("Retry-After", watch.retryAfter());
                response.setContentType("text/plain");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().println("medkg: " + request.getRequestURI() + " cannot be answered now: "
                        + e.getMessage());
            } finally {
                running.remove(watch);
                watch.end(response);
                endTransactionLeftOpen(request);
            }
        }
    }

    /**
     * A stopped SPARQL query can leave its read transaction open on the thread (seen with Fuseki's query action and
     * several queries stopped at once). The thread serves the next request, whose reads then fail ("Not in a
     * transaction"), and compaction waits for the transaction for ever: end it with the request that left it.
     */
    private void endTransactionLeftOpen(HttpServletRequest request) {
        if (!store.isInTransaction()) {
            return;
        }
        LOG.warn("{} {}: left a transaction of the store open; ending it", request.getMethod(), request.getRequestURI());
        try {
            store.end();
        } catch (RuntimeException e) {
            LOG.warn("cannot end the transaction left open by {}: {}", request.getRequestURI(), e.getMessage());
        }
    }
}
