package org.medkg.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.medkg.document.BadDocumentException;

/**
 * Runs one job per document (reading and analysis) on its own thread, a few at a time, each under a time limit
 * counted from its start, and gives the results in the documents' order. Whatever goes wrong inside a job — a bad
 * file, a stack overflow on deep nesting, a library's exception, memory running out — is that document's failure,
 * named in one line; the run goes on.
 *
 * <p>A job past its time is abandoned: its document is reported, its thread is interrupted (readers stop at their
 * next page, glyph or decoded block, analysis at its next recognizer or mention), and it stops counting against
 * the parallelism, so the next documents start at once. Java cannot kill a thread, so a job that does not notice the
 * interruption runs on, but only as long as its input allows: the {@link org.medkg.document.ReadingLimits} bound
 * every document's bytes and text, hence its memory and its work. At most as many abandoned jobs as running ones
 * may be alive at a time; when that many are still running, the next document waits up to one time limit for
 * one of them to end, and is reported as not read if none does.
 */
final class DocumentWorkers {

    /** The work done on one document. */
    interface Job<T> {
        T run(Path file) throws BadDocumentException;
    }

    private final int parallelism;
    private final Duration limit;

    DocumentWorkers(int parallelism, Duration limit) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        this.limit = limit;
    }

    /**
     * Gives the results of the jobs that succeeded to {@code results}, in the order of the files, as soon as each
     * and those before it are done; each failure goes to {@code onFailure}. At most a few results wait to be given
     * at a time, so memory holds the documents in flight, not all of them.
     */
    <T> void run(List<Path> files, Job<T> job, Consumer<BadDocumentException> onFailure, Consumer<T> results) {
        Semaphore running = new Semaphore(parallelism);
        Semaphore alive = new Semaphore(2 * parallelism);
        ScheduledExecutorService clock =
                Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "medkg-clock"));
        Deque<CompletableFuture<T>> waiting = new ArrayDeque<>();
        try {
            boolean stalled = false;
            for (Path file : files) {
                // once runaways have held every thread for a whole time limit, later documents do not wait again
                if (!alive.tryAcquire(stalled ? 0 : limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    stalled = true;
                    waiting.add(CompletableFuture.failedFuture(new BadDocumentException(file.toString(),
                            "not read: " + 2 * parallelism + " documents are still running past their time limit")));
                } else {
                    stalled = false;
                    running.acquire();
                    waiting.add(start(file, job, running, alive, clock));
                }
                // the first document holds up the ones after it only until a few are done
                while (!waiting.isEmpty() && (waiting.peek().isDone() || waiting.size() > 4 * parallelism)) {
                    give(waiting.poll(), onFailure, results);
                }
            }
            while (!waiting.isEmpty()) {
                give(waiting.poll(), onFailure, results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting documents", e);
        } finally {
            clock.shutdownNow();
        }
    }

    private static <T> void give(CompletableFuture<T> outcome, Consumer<BadDocumentException> onFailure,
                                 Consumer<T> results) {
        T result;
        try {
            result = outcome.join();
        } catch (CompletionException e) {
            onFailure.accept((BadDocumentException) e.getCause());
            return;
        }
        results.accept(result);
    }

    private <T> CompletableFuture<T> start(Path file, Job<T> job, Semaphore running, Semaphore alive,
                                           ScheduledExecutorService clock) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        // whoever settles first — the job or the clock — frees the running slot; the thread keeps its alive slot
        // until it really ends
        AtomicBoolean settled = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
        Thread worker = daemon(() -> {
            try {
                T result = job.run(file);
                if (settle(settled, running, deadline.get())) {
                    outcome.complete(result);
                }
            } catch (BadDocumentException e) {
                if (settle(settled, running, deadline.get())) {
                    outcome.completeExceptionally(e);
                }
            } catch (RuntimeException | Error e) {
                if (settle(settled, running, deadline.get())) {
                    outcome.completeExceptionally(new BadDocumentException(file.toString(),
                            "could not be read: " + describe(e), e));
                }
            } finally {
                alive.release();
            }
        }, "medkg-document");
        deadline.set(clock.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                running.release();
                outcome.completeExceptionally(new BadDocumentException(file.toString(), "took longer than "
                        + limit.toSeconds() + " s to read and analyze (--max-seconds)"));
                worker.interrupt();
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS));
        worker.start();
        return outcome;
    }

    private static boolean settle(AtomicBoolean settled, Semaphore running, ScheduledFuture<?> deadline) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        deadline.cancel(false);
        running.release();
        return true;
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply (stack overflow)";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + message;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
