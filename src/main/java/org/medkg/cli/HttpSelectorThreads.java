package org.medkg.cli;

/**
 * The selector threads of the JDK's HTTP clients, stopped when a command is done. At exit the JVM waits, 300 ms at
 * least, for every thread that is running native code, and an HTTP client's selector thread always is (it waits for
 * its sockets in the operating system): {@code load --endpoint} took 340–530 ms from printing its report to
 * ending, against 24–31 ms with the thread stopped. JDK 17's client has no {@code close()} (JDK 21's has); its
 * selector thread ends its loop, closing its connections, when it is interrupted, and is found by the name the JDK
 * gives it. A name that no longer matches leaves the thread be: the exit is then only slower.
 */
final class HttpSelectorThreads {
    private static final String SELECTOR_THREAD_SUFFIX = "-SelectorManager";

    private HttpSelectorThreads() {
    }

    /** Stops them all: for a command that has finished its work and is about to exit. */
    static void stop() {
        Thread.getAllStackTraces().keySet().stream().filter(HttpSelectorThreads::isSelector).forEach(Thread::interrupt);
    }

    /** Whether the thread is an HTTP client's selector thread, by the name the JDK gives it. */
    static boolean isSelector(Thread thread) {
        return thread.getName().startsWith("HttpClient-") && thread.getName().endsWith(SELECTOR_THREAD_SUFFIX);
    }
}
