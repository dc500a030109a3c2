package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.auth.AuthLib;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReader;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * The query side of a remote SPARQL endpoint (the SPARQL 1.1 protocol: a form POST, results as SPARQL JSON). Each
 * query is one HTTP request that stops as soon as its reader's cancel signal is set — while the remote store is still
 * working on it as well as while its rows stream in — so the watchdog's time limit and a client that leaves stop
 * remote queries as they stop local ones. Whatever goes wrong on the way is a {@link RemoteStoreException} naming the
 * store.
 */
public final class SparqlEndpoint {
    private static final String RESULTS_JSON = "application/sparql-results+json";
    /** How often a query waiting for the store looks at its cancel signal. */
    private static final long CHECK_EVERY_MILLIS = 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http;
    private final Duration answerTimeout;

    private SparqlEndpoint(URI url, HttpClient http, Duration answerTimeout) {
        this.url = url;
        this.http = http;
        this.answerTimeout = answerTimeout;
    }

    /**
     * The endpoint at {@code url}, answering authentication challenges as {@code user} when one is given.
     *
     * @param answerTimeout how long a query may wait for the store to start answering when nothing else stops it
     */
    public static SparqlEndpoint at(String url, String user, String password, Duration answerTimeout) {
        requireNonNull(url, "url");
        requireNonNull(answerTimeout, "answerTimeout");
        HttpClient.Builder client = HttpEnv.httpClientBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (user != null) {
            client.authenticator(AuthLib.authenticator(user, password == null ? "" : password));
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return new SparqlEndpoint(uri, client.build(), answerTimeout);
    }

    public String url() {
        return url.toString();
    }

    /** The rows of a SELECT query, streamed; stop reading them early by closing the iterator. */
    public IteratorCloseable<Binding> select(String query, AtomicBoolean cancelSignal) {
        InputStream body = post(query, cancelSignal);
        RowSet rows;
        try {
            rows = RowSetReader.createReader(ResultSetLang.RS_JSON).read(body, Context.emptyContext());
        } catch (RuntimeException e) {
            closeQuietly(body);
            throw garbled(e);
        }
        return new IteratorCloseable<>() {
            @Override
            public boolean hasNext() {
                if (cancelSignal.get()) {
                    close();
                    throw new QueryCancelledException();
                }
                try {
                    return rows.hasNext();
                } catch (RuntimeException e) {
                    close();
                    throw garbled(e);
                }
            }

            @Override
            public Binding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
                closeQuietly(body);
            }
        };
    }

    /** The answer of an ASK query. */
    public boolean ask(String query, AtomicBoolean cancelSignal) {
        try (InputStream body = post(query, cancelSignal)) {
            return ResultSetMgr.readBoolean(body, ResultSetLang.RS_JSON);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (RuntimeException e) {
            if (e instanceof QueryCancelledException || e instanceof RemoteStoreException) {
                throw e;
            }
            throw garbled(e);
        }
    }

    /** Sends a query and waits for the store to start answering, looking at the cancel signal meanwhile. */
    private InputStream post(String query, AtomicBoolean cancelSignal) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(answerTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", RESULTS_JSON)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        CompletableFuture<HttpResponse<InputStream>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        while (true) {
            if (cancelSignal.get()) {
                // Closes the connection: a store that stops work for clients that left (a medkg server does) stops too.
                answer.cancel(true);
                throw new QueryCancelledException();
            }
            try {
                response = answer.get(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillWaiting) {
                // look at the signal again
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            } catch (ExecutionException e) {
                throw unreachable(e.getCause());
            }
        }
        if (response.statusCode() / 100 != 2) {
            throw refused(response);
        }
        return response.body();
    }

    private RemoteStoreException refused(HttpResponse<InputStream> response) {
        String said;
        try (InputStream body = response.body()) {
            said = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        } catch (IOException e) {
            said = "";
        }
        String why = switch (response.statusCode()) {
            case 401, 403 -> " (the user and password given to serve --endpoint, if any, were not accepted)";
            case 404 -> " (is the URL the dataset's query endpoint?)";
            default -> "";
        };
        return new RemoteStoreException("the store at " + url + " answered " + response.statusCode() + why
                + (said.isEmpty() ? "" : ": " + said));
    }

    private RemoteStoreException unreachable(Throwable cause) {
        String why;
        if (cause instanceof HttpConnectTimeoutException) {
            why = "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (cause instanceof HttpTimeoutException) {
            why = "no answer within " + answerTimeout.toSeconds() + " s";
        } else if (cause instanceof ConnectException) {
            why = "connection refused";
        } else if (cause instanceof IOException && cause.getMessage() != null) {
            why = cause.getMessage();
        } else {
            why = cause.toString();
        }
        return new RemoteStoreException("the store at " + url + " does not answer: " + why, cause);
    }

    private RuntimeException garbled(RuntimeException e) {
        if (e instanceof QueryCancelledException || e instanceof RemoteStoreException) {
            return e;
        }
        if (e instanceof UncheckedIOException io) {
            return unreachable(io.getCause());
        }
        return new RemoteStoreException("the store at " + url + " sent an answer that is not SPARQL JSON results: "
                + e.getMessage(), e);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is going anyway
        }
    }
}
