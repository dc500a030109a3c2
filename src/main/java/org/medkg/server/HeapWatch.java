package org.medkg.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Whether the JVM is running out of heap under a computation: the old generation, where the long-lived rows of a
 * large aggregation end up, nearly fills the whole heap, and collecting takes most of the time. Going on then drives
 * the JVM into collection after collection (a whole-graph query over 1,000 copies of the corpus held a 4 GB heap so
 * for minutes, the server answering nothing, not even a stop) and then out of memory, wherever the next allocation
 * happens. A full old generation alone is not enough: it holds garbage until a collection reclaims it, and
 * people-who-met at 100 copies came near it in a 512 MB heap and finished in 5 s.
 *
 * <p>One watch per computation, asked a few times a second from one thread.
 */
final class HeapWatch {
    /** The share of the largest heap that the old generation fills when the heap is short. */
    private static final double NEARLY_FULL = 0.9;
    /** The share of the recent time spent collecting when the heap is short. */
    private static final double MOSTLY_COLLECTING = 0.5;
    /** How far back "recent" goes. */
    private static final long WINDOW_NANOS = 2_000_000_000L;
    private static final List<MemoryPoolMXBean> OLD_GENERATION = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .toList();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    /** When each look was taken, and the milliseconds spent collecting by then. */
    private record Look(long nanos, long collectingMillis) {
    }

    private final ArrayDeque<Look> looks = new ArrayDeque<>();

    /** Forgets the looks taken so far: the next answer of {@link #heapShort} comes from looks taken from now on. */
    void forget() {
        looks.clear();
    }

    /** Whether the heap is short now: nearly full, and collected for most of the last two seconds. */
    boolean heapShort() {
        Look now = new Look(System.nanoTime(), COLLECTORS.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(millis -> millis > 0).sum());
        looks.addLast(now);
        while (looks.size() > 2 && now.nanos() - looks.peekFirst().nanos() > WINDOW_NANOS) {
            looks.removeFirst();
        }
        Look first = looks.peekFirst();
        long window = now.nanos() - first.nanos();
        if (window < WINDOW_NANOS / 2) {
            return false;
        }
        double collecting = (now.collectingMillis() - first.collectingMillis()) * 1_000_000.0 / window;
        long max = Runtime.getRuntime().maxMemory();
        long old = OLD_GENERATION.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        return collecting >= MOSTLY_COLLECTING && max != Long.MAX_VALUE && old >= NEARLY_FULL * max;
    }
}
