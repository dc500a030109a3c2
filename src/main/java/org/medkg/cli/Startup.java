package org.medkg.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One part of a command's start-up made on a thread of its own while the command goes on with another: on two cores,
 * two parts that share nothing are done in the time of the longer.
 */
final class Startup<T> {

    private final CompletableFuture<T> made;

    private Startup(CompletableFuture<T> made) {
        this.made = made;
    }

    /** Starts making the value on a daemon thread named {@code name}; the caller goes on meanwhile. */
    static <T> Startup<T> begin(String name, Supplier<T> make) {
        CompletableFuture<T> made = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                made.complete(make.get());
            } catch (RuntimeException | Error e) {
                made.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return new Startup<>(made);
    }

    /** Waits for the value; what making it threw is thrown here as it was, as if it had been made on this thread. */
    T join() {
        try {
            return made.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
