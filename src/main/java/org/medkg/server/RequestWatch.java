package org.medkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * reads nothing while a request is handled, so it cannot tell. The read is tried only once the request's body has
 * been read, so it can take no byte of the body. A byte it does get belongs to a pipelined next request and cannot
 * be given back: then this response closes the connection, and the client sends that request again.
 */
final class RequestWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RequestWatch.class);
    private static final String ATTRIBUTE = RequestWatch.class.getName();

    /** Why a request's reads were stopped. */
    enum Stop {
        TIME_LIMIT("ran over the time limit"),
        CLIENT_LEFT("its client closed the connection");

        private final String description;

        Stop(String description) {
            this.description = description;
        }
    }

    private final QueryWatchdog watchdog;
    private final HttpServletRequest request;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean cancelSignal = new AtomicBoolean();
    private final EndPoint connection;
    private volatile boolean timed;
    private volatile Stop stop;
    /** Guards the connection: it is read by the watchdog only while the request is still being handled. */
    private final Object connectionLock = new Object();
    private boolean ended;
    private boolean tookPipelinedBytes;

    private RequestWatch(QueryWatchdog watchdog, HttpServletRequest request) {
        this.watchdog = watchdog;
        this.request = request;
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
        if (stop != null) {
            return;
        }
        if (timed && System.nanoTime() - startNanos > watchdog.timeLimit().toNanos()) {
            cancel(Stop.TIME_LIMIT);
        } else if (clientLeft()) {
            cancel(Stop.CLIENT_LEFT);
        }
    }

    /** The request is over: the connection is Jetty's again. */
    void end(HttpServletResponse response) {
        synchronized (connectionLock) {
            ended = true;
            if (tookPipelinedBytes && !response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
        }
    }

    private void cancel(Stop why) {
        stop = why;
        cancelSignal.set(true);
        LOG.info("stopped {} {}: {}", request.getMethod(), request.getRequestURI(), why.description);
    }

    private boolean clientLeft() {
        synchronized (connectionLock) {
            if (ended || connection == null || tookPipelinedBytes || !bodyRead()) {
                return false;
            }
            try {
                int read = connection.fill(BufferUtil.allocate(1));
                tookPipelinedBytes = read > 0;
                return read < 0;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    /** Whether the request has no body left to read (none was sent, or the servlet read it all). */
    private boolean bodyRead() {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return true;
        }
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        return jettyRequest != null && jettyRequest.getHttpInput().isFinished();
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
