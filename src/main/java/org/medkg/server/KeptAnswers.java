package org.medkg.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.jena.query.QueryCancelledException;
import org.medkg.store.Footprint;
import org.medkg.store.VersionedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that read the whole graph, each computed once per data version of the store and kept until the store
 * changes ({@link VersionedStore#dataVersion()}): then the next request computes it again, once, while the requests
 * for the same answer that come meanwhile wait for that computation instead of each running their own. Answers kept
 * {@linkplain #keptAcrossWrites across writes} are computed again only after a write that changed something they
 * read: at 1,000 copies of the corpus, a whole-graph saved query took 2–5 s and a hub's index 1.5 s to compute again
 * after a write of one triple that none of them reads.
 *
 * <p>The computation runs in the request that found no answer, under that request's time limit; the requests waiting
 * for it stop at their own limits (or when their clients leave). A computation that was stopped leaves the requests
 * waiting for it to compute it again, the first of them running it. An answer larger than the limit given is served
 * to the requests that waited for it but not kept, so a few large answers cannot fill the heap; and answers named by
 * what clients send (a saved query's parameters) are kept within a bound on all of them together, the oldest dropped
 * first, so that no number of different requests can fill it either.
 *
 * <p>Answers that may take longer than a request may wait (a whole-graph saved query over a large store) are
 * computed {@linkplain #computedApart apart}: on threads of their own, {@value #APART_AT_ONCE} at a time at most (one
 * long computation does not hold up the short ones behind it: at 1,000 copies of the corpus one took six minutes and
 * three others 1–8 s each), under a longer time limit of their own, so that a computation outlives the request that
 * started it. The requests wait for it as above; one
 * that stops waiting is told the answer is under way ({@link #underWay}), and a later one gets it. A computation
 * that fails, runs over that limit or nearly fills the heap ({@link HeapWatch}; of two under way, the one started
 * last is stopped first) is not tried again for the same data version ({@link GivenUpException}), nor, when it was
 * stopped for what it cost (time, heap), for as long as that limit, whatever is written meanwhile.
 *
 * <p>Answers computed apart, or computed in their requests with a computation for a refresh (pages of runs with
 * parameters), may also be {@linkplain #refreshInBackground refreshed}: once writes have stopped for a moment, each
 * answer that a request asked for since it was last refreshed, and that the writes changed, is computed again apart,
 * one at a time among all of a server's answers, before anyone asks: after a load, the next request finds it kept.
 * Each such computation answers one request's asking, so an answer no one asks is computed again at most once; one
 * under way for a version that a later write changed is stopped, unless a request waits for it; and one ever given up
 * is left to its requests.
 *
 * @param <K> what names an answer (a saved query, a page's language)
 * @param <V> the answer: immutable, since every request is given the same one
 */
final class KeptAnswers<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeptAnswers.class);
    /** How often a waiting request looks whether it was stopped; the watchdog itself looks ten times a second. */
    private static final long WAIT_STEP_MILLIS = 50;
    /** How often a computation apart is checked against its time limit and the heap ({@link HeapWatch}). */
    private static final long HEAP_CHECK_MILLIS = 200;
    /** Computations apart under way at most: two cores' worth, so that requests still have a core on two. */
    static final int APART_AT_ONCE = 2;
    /** How long stopping waits for the computations apart to end (a stopped query ends within a second). */
    private static final long STOP_PATIENCE_SECONDS = 10;
    /** The most answers remembered as asked, for {@link #refreshInBackground}. */
    static final int MOST_ASKED = 64;
    /** How often the store's data version is looked at, for {@link #refreshInBackground}. */
    private static final long REFRESH_CHECK_MILLIS = 200;

    /** The work of computing one answer; it reads the store under the computing request's watch. */
    interface Computation<V, E extends Exception> {
        V compute() throws E;
    }

    /** The work of computing one answer apart: it reads the store through reads stopped by {@code cancelSignal}. */
    interface CancellableComputation<V, E extends Exception> {
        V compute(AtomicBoolean cancelSignal) throws E;
    }

    /** An answer that could not be computed apart for the store's data version (and for a while, see {@link #giveUp}). */
    static final class GivenUpException extends RuntimeException {
        GivenUpException(String message) {
            super(message);
        }
    }

    /**
     * The threads that compute answers apart, the one that stops each at the limit, and the cancel signals of those
     * under way, the one started last last.
     */
    private record Apart(ExecutorService threads, ScheduledExecutorService alarms, Duration timeLimit,
                         Deque<AtomicBoolean> running) {
    }

    /** An answer kept for a data version; with what it read, when it may be kept across writes that did not touch it. */
    private record Kept<V>(long version, V answer, long size, Footprint read) {
        Kept<V> asOf(long later) {
            return new Kept<>(later, answer, size, read);
        }
    }

    /**
     * Why an answer was given up for a data version; one given up for what it cost (time, heap) is not tried again
     * before {@code heldUntilNanos} either, whatever the version.
     */
    private record GivenUp(long version, String why, long heldUntilNanos) {
        boolean holds(long version) {
            return this.version >= version || System.nanoTime() - heldUntilNanos < 0;
        }
    }

    /**
     * A computation under way, for a data version: its requests wait for its result. One computed apart stops by its
     * cancel signal; {@code waiting} and {@code promised} tell whether anyone still wants it (see {@link #answerApart}).
     */
    private record Flight<V>(long version, CompletableFuture<V> result, AtomicBoolean cancelSignal,
                             AtomicInteger waiting, AtomicBoolean promised) {
        Flight(long version) {
            this(version, new CompletableFuture<>(), new AtomicBoolean(), new AtomicInteger(), new AtomicBoolean());
        }
    }

    private final String what;
    private final VersionedStore store;
    private final ToLongFunction<V> size;
    private final long smallestKept;
    private final long largestKept;
    private final long mostKeptInAll;
    /** The kept answers' names, the oldest kept first, and their sizes together: guarded by {@code this}. */
    private final LinkedHashSet<K> keptOrder = new LinkedHashSet<>();
    private long keptInAll;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, GivenUp> givenUp = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();
    private final Optional<Apart> apart;
    /** What an answer read of the store, when answers are kept across writes; else null. */
    private final BiFunction<K, V, Footprint> footprint;
    /** What an answer reads, told by its key before it is computed (a saved query's predicates); null if unknown. */
    private final Function<K, Footprint> footprintOfKey;
    /**
     * The computation of each answer that a request asked for since it was last refreshed, the one asked last last:
     * what {@link #refreshInBackground} may compute again. At most {@value #MOST_ASKED}, the least recently asked
     * forgotten first: pages of runs with parameters are named by what clients send. Guarded by itself.
     */
    private final Map<K, CancellableComputation<V, ? extends Exception>> asked =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, CancellableComputation<V, ? extends Exception>> eldest) {
                    return size() > MOST_ASKED;
                }
            });

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
     * first: for answers named by what clients send, which have no bound of their own, and for large ones.
     */
    KeptAnswers(String what, VersionedStore store, ToLongFunction<V> size, long smallestKept, long largestKept,
                long mostKeptInAll) {
        this.what = requireNonNull(what, "what");
        this.store = requireNonNull(store, "store");
        this.size = requireNonNull(size, "size");
        this.smallestKept = smallestKept;
        this.largestKept = largestKept;
        this.mostKeptInAll = mostKeptInAll;
        this.apart = Optional.empty();
        this.footprint = null;
        this.footprintOfKey = null;
    }

    private KeptAnswers(KeptAnswers<K, V> like, Optional<Apart> apart, BiFunction<K, V, Footprint> footprint,
                        Function<K, Footprint> footprintOfKey) {
        this.what = like.what;
        this.store = like.store;
        this.size = like.size;
        this.smallestKept = like.smallestKept;
        this.largestKept = like.largestKept;
        this.mostKeptInAll = like.mostKeptInAll;
        this.apart = apart;
        this.footprint = footprint;
        this.footprintOfKey = footprintOfKey;
    }

    /**
     * These answers, each kept across the writes that changed nothing it read ({@code footprint} of the answer: see
     * {@link VersionedStore#unchangedFor}), instead of computed again after every write.
     */
    KeptAnswers<K, V> keptAcrossWrites(BiFunction<K, V, Footprint> footprint) {
        return new KeptAnswers<>(this, apart, requireNonNull(footprint, "footprint"), null);
    }

    /**
     * As {@link #keptAcrossWrites(BiFunction)}, for answers whose key tells what they read before they are computed:
     * a request after writes that touched none of it also joins a computation under way for an earlier version.
     */
    KeptAnswers<K, V> keptAcrossWritesReading(Function<K, Footprint> footprintOfKey) {
        requireNonNull(footprintOfKey, "footprintOfKey");
        return new KeptAnswers<>(this, apart, (key, answer) -> footprintOfKey.apply(key), footprintOfKey);
    }

    /**
     * These answers, computed apart ({@link #answerApart}), each under {@code timeLimit}; {@link #close} stops the
     * one under way.
     */
    KeptAnswers<K, V> computedApart(Duration timeLimit) {
        requireNonNull(timeLimit, "timeLimit");
        String name = "medkg-kept-" + what.replace(' ', '-');
        return new KeptAnswers<>(this, Optional.of(new Apart(Executors.newFixedThreadPool(APART_AT_ONCE, daemon(name)),
                Executors.newSingleThreadScheduledExecutor(daemon(name + "-limit")), timeLimit,
                new ConcurrentLinkedDeque<>())), footprint, footprintOfKey);
    }

    /**
     * The turn to refresh, shared by the answers of one server: one refresh under way at a time among them all, so that
     * requests keep a core. At 1,000x, with the whole-graph answers, the pages and the home page each refreshing on
     * its own, a whole-graph answer asked right after a write waited for a core (cross-border-participation 12.0-12.3
     * s, against 8.9-9.0 s with one turn; by hand, two rounds each).
     */
    static final class RefreshTurn {
        private final Semaphore turn = new Semaphore(1);
    }

    /**
     * From now on, once the store's data version has stayed the same for {@code quiet}, computes again apart, one at a
     * time and only with {@code turn}, each answer asked for since it was last refreshed that the writes before
     * changed; and when the version moves on, stops those under way that no request waits for and that the new writes
     * changed.
     */
    void refreshInBackground(Duration quiet, RefreshTurn turn) {
        requireNonNull(quiet, "quiet");
        requireNonNull(turn, "turn");
        Apart computer = apart.orElseThrow(() -> new IllegalStateException(what + ": not computed apart"));
        computer.alarms().scheduleWithFixedDelay(PeriodicCheck.surviving(LOG, what + " refresh",
                new Refresher(computer, quiet, turn.turn)), REFRESH_CHECK_MILLIS, REFRESH_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Looks at the store's data version, on the alarms' one thread; once it has not moved for a while, refreshes the
     * answers one after the other, so that requests keep a thread apart and a core.
     */
    private final class Refresher implements Runnable {
        private final Apart computer;
        private final Duration quiet;
        private final Semaphore turn;
        private long seenVersion;
        private long seenSince = System.nanoTime();
        private Flight<V> underWay;

        Refresher(Apart computer, Duration quiet, Semaphore turn) {
            this.computer = computer;
            this.quiet = quiet;
            this.turn = turn;
            seenVersion = store.dataVersion();
        }

        @Override
        public void run() {
            long version = store.dataVersion();
            if (version != seenVersion) {
                seenVersion = version;
                seenSince = System.nanoTime();
                stopRefreshesChangedBy(version);
            } else if (System.nanoTime() - seenSince >= quiet.toNanos()
                    && (underWay == null || underWay.result().isDone()) && turn.tryAcquire()) {
                underWay = refreshOne(computer, version);
                if (underWay == null) {
                    turn.release();
                } else {
                    // the next one as soon as this one ends, not at the next look: 64 pages of a few ms each
                    underWay.result().whenComplete((answer, failure) -> {
                        turn.release();
                        lookAgain();
                    });
                }
            }
        }

        private void lookAgain() {
            try {
                computer.alarms().execute(PeriodicCheck.surviving(LOG, what + " refresh", this));
            } catch (RejectedExecutionException closing) {
                // the answers are being closed: nothing more to refresh
            }
        }
    }

    /**
     * Starts apart, for {@code version}, the next answer asked since it was last refreshed that is not kept for it;
     * returns its computation, or null when there is none. An answer that was ever given up is left to its requests:
     * tried again unasked after its hold, people-who-met at 1,000x ran the heap short beside a request's computation,
     * and that one was given up too.
     */
    private Flight<V> refreshOne(Apart computer, long version) {
        List<K> lastAskedFirst;
        synchronized (asked) {
            lastAskedFirst = new ArrayList<>(asked.keySet());
        }
        Collections.reverse(lastAskedFirst);
        for (K key : lastAskedFirst) {
            if (givenUp.containsKey(key) || keptAnswer(key, version) != null) {
                continue;
            }
            CancellableComputation<V, ? extends Exception> computation = asked.get(key);
            Flight<V> mine = new Flight<>(version);
            // one under way (a request's) is left to finish, and the asking kept for the next refresh
            if (computation != null && joinOrStart(key, mine) == mine) {
                asked.remove(key, computation);
                LOG.info("{} {} for data version {}: computed again once writes stopped", what, key, version);
                try {
                    computer.threads().execute(() -> computeApart(computer, key, mine, computation));
                } catch (RejectedExecutionException closing) {
                    flights.remove(key, mine);
                    return null;
                }
                return mine;
            }
        }
        return null;
    }

    /**
     * Stops each computation under way that no request waits for or was told to ask again (a refresh) and whose
     * answer the writes up to {@code version} changed.
     */
    private void stopRefreshesChangedBy(long version) {
        flights.forEach((key, flight) -> {
            if (flight.waiting().get() == 0 && !flight.promised().get() && flight.version() < version
                    && !stillHolds(key, flight, version)) {
                flight.cancelSignal().set(true);
            }
        });
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * As {@link #answer}, but computed apart: the request only waits for it. A request stopped by its time limit
     * leaves the computation going, for the client that is told to ask again; when every request waiting for it has
     * left (their clients gone) and none was told so, it is stopped, and not held against the data version.
     *
     * @param clientLeft whether this request was stopped because its client left
     * @throws QueryCancelledException when this request was stopped while the answer was under way
     * @throws GivenUpException when the computation failed or ran over its limit for this data version
     */
    <E extends Exception> V answerApart(K key, BooleanSupplier stopped, BooleanSupplier clientLeft,
                                        CancellableComputation<V, E> computation) throws E {
        Apart computer = apart.orElseThrow(() -> new IllegalStateException(what + ": not computed apart"));
        asked.put(key, computation);
        while (true) {
            long version = store.dataVersion();
            V known = keptAnswer(key, version);
            if (known != null) {
                return known;
            }
            GivenUp failed = givenUp.get(key);
            if (failed != null && failed.holds(version)) {
                throw new GivenUpException(failed.why());
            }
            Flight<V> mine = new Flight<>(version);
            Flight<V> flight = joinOrStart(key, mine);
            if (flight == mine) {
                try {
                    computer.threads().execute(() -> computeApart(computer, key, mine, computation));
                } catch (RejectedExecutionException closing) {
                    flights.remove(key, mine);
                    throw new QueryCancelledException();
                }
            }
            flight.waiting().incrementAndGet();
            V answer;
            try {
                answer = KeptAnswers.<V, E>await(flight, stopped);
            } catch (QueryCancelledException stoppedWaiting) {
                if (!clientLeft.getAsBoolean()) {
                    flight.promised().set(true);
                }
                throw stoppedWaiting;
            } finally {
                if (flight.waiting().decrementAndGet() == 0 && !flight.promised().get() && !flight.result().isDone()) {
                    flight.cancelSignal().set(true);
                }
            }
            if (answer != null) {
                return answer;
            }
        }
    }

    /**
     * The answer kept for {@code version} or a later one, or for an earlier one that the writes since did not touch
     * (then kept as of {@code version}); null when there is none.
     */
    private V keptAnswer(K key, long version) {
        Kept<V> known = kept.get(key);
        if (known == null) {
            return null;
        }
        if (known.version() >= version) {
            return known.answer();
        }
        if (holds(known, version)) {
            kept.replace(key, known, known.asOf(version));
            return known.answer();
        }
        return null;
    }

    /** Whether the answer kept for an earlier version is still the answer at {@code version}. */
    private boolean holds(Kept<V> known, long version) {
        return known.read() != null && store.unchangedFor(known.read(), known.version(), version);
    }

    /**
     * The flight under way for {@code mine}'s version or a later one, or for an earlier one that the writes since did
     * not touch; else {@code mine}, now under way. A flight it replaces is stopped unless a request still waits for
     * it: its answer would be of a version the store has left. At 1,000x, two computations of
     * cross-border-participation for two versions (190 s each, at once) held both threads apart while the other
     * whole-graph answers waited past their limit.
     */
    private Flight<V> joinOrStart(K key, Flight<V> mine) {
        AtomicReference<Flight<V>> replaced = new AtomicReference<>();
        Flight<V> flight = flights.compute(key, (k, running) -> {
            if (running != null && (running.version() >= mine.version() || stillHolds(key, running, mine.version()))) {
                return running;
            }
            replaced.set(running);
            return mine;
        });
        Flight<V> stale = replaced.get();
        if (stale != null) {
            // those told to ask again will find the new one
            stale.promised().set(false);
            if (stale.waiting().get() == 0) {
                stale.cancelSignal().set(true);
            }
        }
        return flight;
    }

    /** Whether the answer under way for {@code running}'s earlier version is the answer at {@code version} too. */
    private boolean stillHolds(K key, Flight<V> running, long version) {
        return footprintOfKey != null && store.unchangedFor(footprintOfKey.apply(key), running.version(), version);
    }

    /** Whether the answer named {@code key} is being computed now (apart, or by a request). */
    boolean underWay(K key) {
        return flights.containsKey(key);
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
            V known = keptAnswer(key, version);
            if (known != null) {
                return known;
            }
            Flight<V> mine = new Flight<>(version);
            Flight<V> flight = joinOrStart(key, mine);
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

    /**
     * As {@link #answer(Object, BooleanSupplier, Computation)}, and remembered as asked, so that once writes have
     * changed the answer and stopped, {@link #refreshInBackground} computes it again apart, by {@code refresh}.
     */
    <E extends Exception> V answer(K key, BooleanSupplier stopped, Computation<V, E> computation,
                                   CancellableComputation<V, ? extends Exception> refresh) throws E {
        asked.put(key, requireNonNull(refresh, "refresh"));
        return answer(key, stopped, computation);
    }

    /** How many answers were computed since the server started, kept or not: what the cache saved is the rest. */
    long computations() {
        return computations.get();
    }

    /**
     * On the thread apart: computes under its limit, and while the heap has room; a failure, running over the limit or
     * out of room, is remembered ({@link #giveUp}), and logged.
     */
    private <E extends Exception> void computeApart(Apart computer, K key, Flight<V> mine,
                                                    CancellableComputation<V, E> computation) {
        GivenUp failed = givenUp.get(key);
        if (failed != null && failed.holds(mine.version())) {
            // given up while this one waited for a thread (after each write, a request starts one for the new version)
            flights.remove(key, mine);
            mine.result().completeExceptionally(new GivenUpException(failed.why()));
            return;
        }
        AtomicBoolean cancelSignal = mine.cancelSignal();
        AtomicReference<String> stoppedBecause = new AtomicReference<>();
        long began = System.nanoTime();
        HeapWatch heap = new HeapWatch();
        computer.running().addLast(cancelSignal);
        ScheduledFuture<?> watch = computer.alarms().scheduleWithFixedDelay(PeriodicCheck.surviving(LOG, what, () -> {
            if (System.nanoTime() - began > computer.timeLimit().toNanos()) {
                stoppedBecause.compareAndSet(null, "it took longer than the limit of " + computer.timeLimit().toSeconds()
                        + " s for answers computed apart");
            } else if (computer.running().peekLast() != cancelSignal) {
                // only the one started last is judged by the heap; the others look afresh once it has ended, when
                // what it held has been collected (at 1,000x, cross-border-participation was stopped right after
                // people-who-met, for the heap that people-who-met had filled)
                heap.forget();
            } else if (heap.heapShort()) {
                stoppedBecause.compareAndSet(null, "it needed more memory than the server's heap has (see MEDKG_HEAP)");
            }
            if (stoppedBecause.get() != null) {
                cancelSignal.set(true);
            }
        }), HEAP_CHECK_MILLIS, HEAP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            V answer = compute(key, mine, () -> {
                // given up before the requests waiting are told it ended, or one of them would start it again
                try {
                    return computation.compute(cancelSignal);
                } catch (QueryCancelledException e) {
                    // else no one wanted it any more, or the server is stopping: the next request computes it again
                    if (stoppedBecause.get() != null) {
                        giveUp(key, mine, stoppedBecause.get(), computer.timeLimit());
                    }
                    throw e;
                } catch (Exception | Error e) {
                    giveUp(key, mine, e.toString(), e instanceof OutOfMemoryError ? computer.timeLimit() : Duration.ZERO);
                    throw e;
                }
            });
            long answerSize = size.applyAsLong(answer);
            if (answerSize > largestKept && mine.promised().get()) {
                // the requests told to ask again would each compute it again, and wait in vain
                giveUp(key, mine, "its answer is larger than the server may keep (" + answerSize + " > " + largestKept
                        + ")", computer.timeLimit());
            }
        } catch (Exception | Error e) {
            // given up above, or wanted by no one any more
        } finally {
            computer.running().remove(cancelSignal);
            watch.cancel(false);
        }
    }

    /**
     * Remembers that the answer was given up for the flight's data version and, when {@code held} is not zero, for that
     * long whatever the version: what it cost (time, heap) a write of a few documents does not change, and trying it
     * again after every write ran the heap short again and again while clients wrote (WritesUnderHeapPressureTest).
     */
    private void giveUp(K key, Flight<V> flight, String why, Duration held) {
        String when = held.isZero() ? "when the store changes"
                : "when the store changes, not before " + Instant.now().plus(held).truncatedTo(ChronoUnit.SECONDS);
        givenUp.merge(key, new GivenUp(flight.version(), what + " " + key + " was not computed: " + why
                        + "; it is tried again " + when, System.nanoTime() + held.toNanos()),
                (old, now) -> old.version() > now.version() ? old : now);
        LOG.warn("{} {} for data version {}: given up: {}", what, key, flight.version(), why);
    }

    /**
     * Stops the computations under way apart, if any, and the threads. By its cancel signal, not by an interrupt, which
     * could close a file channel of the store under the computation's reads.
     */
    @Override
    public void close() {
        apart.ifPresent(computer -> {
            computer.threads().shutdown();
            computer.running().forEach(signal -> signal.set(true));
            computer.alarms().shutdownNow();
            // the store is closed next: a computation still ending its read transaction would keep TDB2 from it
            try {
                if (!computer.threads().awaitTermination(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("{}: a computation apart was still running {} s after it was told to stop", what,
                            STOP_PATIENCE_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private <E extends Exception> V compute(K key, Flight<V> mine, Computation<V, E> computation) throws E {
        long began = System.nanoTime();
        dropOlderThan(mine.version());
        try {
            V answer = computation.compute();
            computations.incrementAndGet();
            long answerSize = size.applyAsLong(answer);
            if (answerSize < smallestKept) {
                mine.result().complete(answer);
                return answer;
            }
            if (answerSize <= largestKept) {
                keep(key, new Kept<>(mine.version(), answer, answerSize,
                        footprint == null ? null : footprint.apply(key, answer)));
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

    /**
     * Lets go of the answers kept for versions before {@code version} that no request will be given again (those the
     * writes since did not touch are kept as of {@code version}): their heap is the computation's (after a write,
     * people-who-met at 100× ran a 512 MB heap short beside them).
     */
    private synchronized void dropOlderThan(long version) {
        for (Iterator<K> names = keptOrder.iterator(); names.hasNext(); ) {
            K name = names.next();
            Kept<V> old = kept.get(name);
            if (old != null && old.version() < version) {
                if (holds(old, version)) {
                    kept.replace(name, old, old.asOf(version));
                } else {
                    kept.remove(name);
                    keptInAll -= old.size();
                    names.remove();
                }
            }
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
