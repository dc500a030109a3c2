package org.medkg.server;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.apache.jena.query.QueryCancelledException;
import org.medkg.store.VersionedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that read the whole graph, each computed once per data version of the store and kept until the store
 * changes ({@link VersionedStore#dataVersion()}): then the next request computes it again, once, while the requests
 * for the same answer that come meanwhile wait for that computation instead of each running their own.
 *
 * <p>The computation runs in the request that found no answer, under that request's time limit; the requests waiting
 * for it stop at their own limits (or when their clients leave). A computation that was stopped leaves the requests
 * waiting for it to compute it again, the first of them running it. An answer larger than the limit given is served
 * to the requests that waited for it but not kept, so a few large answers cannot fill the heap; and answers named by
 * what clients send (a saved query's parameters) are kept within a bound on all of them together, the oldest dropped
 * first, so that no number of different requests can fill it either.
 *
 * @param <K> what names an answer (a saved query, a page's language)
 * @param <V> the answer: immutable, since every request is given the same one
 */
final class KeptAnswers<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(KeptAnswers.class);
    /** How often a waiting request looks whether it was stopped; the watchdog itself looks ten times a second. */
    private static final long WAIT_STEP_MILLIS = 50;

    /** The work of computing one answer; it reads the store under the computing request's watch. */
    interface Computation<V, E extends Exception> {
        V compute() throws E;
    }

    private record Kept<V>(long version, V answer, long size) {
    }

    /** A computation under way, for a data version: its requests wait for its result. */
    private record Flight<V>(long version, CompletableFuture<V> result) {
    }

    private final String what;
    private final VersionedStore store;
    private final ToLongFunction<V> size;
    private final long smallestKept;
    private final long largestKept;
    private final long mostKeptInAll;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    /** The kept answers' names, the oldest kept first, and their sizes together: guarded by {@code this}. */
    private final LinkedHashSet<K> keptOrder = new LinkedHashSet<>();
    private long keptInAll;
    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();

    /**
     * @param what        what the answers are, for the log
     * @param store       whose data version the answers are kept for
     * @param size        the size of an answer, in the unit of {@code largestKept}
     * @param largestKept the largest answer kept
     */
    KeptAnswers(String what, VersionedStore store, ToLongFunction<V> size, long largestKept) {
        this(what, store, size, 0, largestKept);
    }

    /**
     * Keeps only the answers from {@code smallestKept} to {@code largestKept} in size: the smaller ones cost little
     * to compute again, and there may be one for every entity of the graph.
     */
    KeptAnswers(String what, VersionedStore store, ToLongFunction<V> size, long smallestKept, long largestKept) {
        this(what, store, size, smallestKept, largestKept, Long.MAX_VALUE);
    }

    /**
     * Keeps at most {@code mostKeptInAll} of all answers together (in the unit of the sizes), dropping the oldest kept
     * first: for answers named by what clients send, which have no bound of their own.
     */
    KeptAnswers(String what, VersionedStore store, ToLongFunction<V> size, long smallestKept, long largestKept,
                long mostKeptInAll) {
        this.what = requireNonNull(what, "what");
        this.store = requireNonNull(store, "store");
        this.size = requireNonNull(size, "size");
        this.smallestKept = smallestKept;
        this.largestKept = largestKept;
        this.mostKeptInAll = mostKeptInAll;
    }

    /**
     * The answer named {@code key} as of the store's data version now: the kept one, or the one a request is
     * computing, or computed here by {@code computation}.
     *
     * @param stopped whether this request was stopped (time limit, client gone): it then stops waiting
     * @throws QueryCancelledException when this request was stopped, waiting or computing
     * @throws E what the computation threw (the requests waiting for it get it too)
     */
    <E extends Exception> V answer(K key, BooleanSupplier stopped, Computation<V, E> computation) throws E {
        while (true) {
            long version = store.dataVersion();
            Kept<V> known = kept.get(key);
            if (known != null && known.version() >= version) {
                return known.answer();
            }
            Flight<V> mine = new Flight<>(version, new CompletableFuture<>());
            // a flight for this version or a later one will do; one for an older version will not
            Flight<V> flight = flights.compute(key, (k, running) ->
                    running != null && running.version() >= version ? running : mine);
            if (flight == mine) {
                return compute(key, mine, computation);
            }
            V answer = KeptAnswers.<V, E>await(flight, stopped);
            if (answer != null) {
                return answer;
            }
            // the request computing it was stopped: compute it again, or wait for whoever does first
        }
    }

    /** How many answers were computed since the server started, kept or not: what the cache saved is the rest. */
    long computations() {
        return computations.get();
    }

    private <E extends Exception> V compute(K key, Flight<V> mine, Computation<V, E> computation) throws E {
        long began = System.nanoTime();
        try {
            V answer = computation.compute();
            computations.incrementAndGet();
            long answerSize = size.applyAsLong(answer);
            if (answerSize < smallestKept) {
                mine.result().complete(answer);
                return answer;
            }
            if (answerSize <= largestKept) {
                keep(key, new Kept<>(mine.version(), answer, answerSize));
            }
            LOG.info("{} {} for data version {}: computed in {} ms, size {}: {}", what, key, mine.version(),
                    (System.nanoTime() - began) / 1_000_000, answerSize,
                    answerSize <= largestKept ? "kept" : "not kept, over " + largestKept);
            mine.result().complete(answer);
            return answer;
        } catch (Exception | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** Keeps the answer unless one of a later version is kept already; then drops the oldest while over the bound. */
    private synchronized void keep(K key, Kept<V> computed) {
        Kept<V> old = kept.get(key);
        if (old != null) {
            if (old.version() > computed.version()) {
                return;
            }
            keptOrder.remove(key);
            keptInAll -= old.size();
        }
        kept.put(key, computed);
        keptOrder.add(key);
        keptInAll += computed.size();
        Iterator<K> oldest = keptOrder.iterator();
        while (keptInAll > mostKeptInAll && oldest.hasNext()) {
            keptInAll -= kept.remove(oldest.next()).size();
            oldest.remove();
        }
    }

    /** The flight's answer; null when it was stopped, so that the caller computes it again. */
    @SuppressWarnings("unchecked")
    private static <V, E extends Exception> V await(Flight<V> flight, BooleanSupplier stopped) throws E {
        while (true) {
            if (stopped.getAsBoolean()) {
                throw new QueryCancelledException();
            }
            try {
                return flight.result().get(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillComputing) {
                // look again whether this request was stopped meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryCancelledException();
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                if (failure instanceof QueryCancelledException) {
                    return null;
                }
                if (failure instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                // a checked failure of the computation for this key, whose only checked failure is E
                throw (E) failure;
            }
        }
    }
}
