package org.medkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.medkg.publish.Site;
import org.medkg.store.CancellableReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request as the {@link QueryWatchdog} sees it. Once the request reads the store ({@link #reads}), its reads
 * stop when it runs past the time limit or when its client has closed the connection.
 *
 * <p>A client that leaves is noticed by reading from its connection: an HTTP/1.1 client sends nothing more while it
 * waits for its response, so a read that finds the end of the stream (or a reset) means it is gone. Jetty itself
 * reads nothing while a request is handled, so it cannot tell. The connection is read only once the request reads
 * the store, when its servlet has read what it needs of the body (Fuseki's query, a form's parameters), and only
 * until the response is committed, never during a write ({@link WatchedResponse}): a client that has its whole
 * response may send its next request, which is not ours to read. From then on a client that leaves makes the writes
 * fail. A byte the read does get (of a body nobody reads, or of a pipelined request) cannot be given back: then the
 * response closes the connection, and the client sends its next request again on a new one.
 */
final class RequestWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RequestWatch.class);
    private static final String ATTRIBUTE = RequestWatch.class.getName();

    /** Why a request's reads were stopped. */
    enum Stop {
        TIME_LIMIT("ran over the time limit"),
        CLIENT_LEFT("its client closed the connection"),
        SERVER_STOPPING("the server is stopping");

        private final String description;

        Stop(String description) {
            this.description = description;
        }
    }

    private final QueryWatchdog watchdog;
    private final HttpServletRequest request;
    /** The request's method and path, for the log: Jetty recycles the request once it is answered. */
    private final String name;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean cancelSignal = new AtomicBoolean();
    private final EndPoint connection;
    private volatile boolean timed;
    private volatile Stop stop;
    /**
     * Held while the watchdog reads the connection and while the servlet sends part of the response before it is
     * committed; the watchdog only tries it, so a slow client's write never holds up the watchdog.
     */
    private final ReentrantLock connectionLock = new ReentrantLock();
    private volatile boolean ended;
    /** Whether part of the response has left (it is committed): from then on the connection is not read. */
    private volatile boolean responding;
    private boolean tookPipelinedBytes;

    private RequestWatch(QueryWatchdog watchdog, HttpServletRequest request) {
        this.watchdog = watchdog;
        this.request = request;
        this.name = request.getMethod() + " " + request.getRequestURI();
        this.connection = http1Connection(request);
    }

    /** Starts watching a request as it comes in; nothing is checked until it reads the store. */
    static RequestWatch begin(QueryWatchdog watchdog, HttpServletRequest request) {
        RequestWatch watch = new RequestWatch(watchdog, request);
        request.setAttribute(ATTRIBUTE, watch);
        return watch;
    }

    /** The watch of a request passed through the watchdog's filter. */
    static RequestWatch of(HttpServletRequest request) {
        Object watch = request.getAttribute(ATTRIBUTE);
        if (watch instanceof RequestWatch requestWatch) {
            return requestWatch;
        }
        throw new IllegalStateException("request not watched: " + request.getRequestURI());
    }

    /** The store as this request reads it, stopped at the time limit or when the client leaves. */
    DatasetGraph reads(DatasetGraph store) {
        timed = true;
        watchdog.running(this);
        return CancellableReads.over(store, cancelSignal);
    }

    /**
     * The store read with no time limit, stopped only when the client leaves: for a download, which takes as long as
     * the client's connection needs.
     */
    DatasetGraph readsWithoutTimeLimit(DatasetGraph store) {
        watchdog.running(this);
        return CancellableReads.over(store, cancelSignal);
    }

    /** The site reading the store as this request does ({@link #reads}). */
    Site site(Site site) {
        return site.readingThrough(reads(site.dataset()));
    }

    /** Why the request's reads were stopped; null while they were not. */
    Stop stop() {
        return stop;
    }

    /** How long a client should wait before asking again what ran over the limit: the limit, at least 1 s. */
    String retryAfter() {
        return Long.toString(Math.max(1, watchdog.timeLimit().toSeconds()));
    }

    Duration timeLimit() {
        return watchdog.timeLimit();
    }

    /** Called by the watchdog a few times a second while the request reads the store. */
    void check() {
        if (stop != null || ended) {
            return;
        }
        if (timed && System.nanoTime() - startNanos > watchdog.timeLimit().toNanos()) {
            cancel(Stop.TIME_LIMIT);
        } else if (clientLeft()) {
            cancel(Stop.CLIENT_LEFT);
        }
    }

    /**
     * The response as the request's servlets must write it: once part of it has left, the connection is not read any
     * more, since a client that has its whole response may send its next request.
     */
    HttpServletResponse response(HttpServletResponse response) {
        return new WatchedResponse(response, send -> sending(response, send));
    }

    /** The request is over: the connection is Jetty's again. */
    void end(HttpServletResponse response) {
        connectionLock.lock();
        try {
            ended = true;
            closeIfPipelined(response);
        } finally {
            connectionLock.unlock();
        }
    }

    /** Runs a write, flush or close of the response, never while the connection is read. */
    private void sending(HttpServletResponse response, WatchedResponse.Send send) throws IOException {
        if (responding) {
            send.run();
            return;
        }
        connectionLock.lock();
        try {
            closeIfPipelined(response);
            send.run();
            responding = response.isCommitted();
        } finally {
            connectionLock.unlock();
        }
    }

    private void closeIfPipelined(HttpServletResponse response) {
        if (tookPipelinedBytes && !response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
    }

    void cancel(Stop why) {
        if (stop != null) {
            return;
        }
        stop = why;
        cancelSignal.set(true);
        LOG.info("stopped {}: {}", name, why.description);
    }

    private boolean clientLeft() {
        if (connection == null || !connectionLock.tryLock()) {
            return false;
        }
        try {
            if (ended || responding || tookPipelinedBytes) {
                return false;
            }
            int read = connection.fill(BufferUtil.allocate(1));
            tookPipelinedBytes = read > 0;
            return read < 0;
        } catch (IOException reset) {
            return true;
        } finally {
            connectionLock.unlock();
        }
    }

    /** The connection of an HTTP/1.x request, which the watchdog may read from; null for anything else. */
    private static EndPoint http1Connection(HttpServletRequest request) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (jettyRequest == null) {
            return null;
        }
        HttpVersion version = jettyRequest.getConnectionMetaData().getHttpVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return null;
        }
        return jettyRequest.getConnectionMetaData().getConnection().getEndPoint();
    }
}
