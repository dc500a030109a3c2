package org.medkg.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Whether the heap's old generation, where the long-lived rows of a large aggregation end up, has nearly reached the
 * whole heap: a computation that goes on then drives the JVM into collection after collection (a whole-graph query
 * over 1,000 copies of the corpus held a 4 GB heap so for minutes, the server answering nothing, not even a stop)
 * and then out of memory, wherever the next allocation happens.
 */
final class HeapWatch {
    /** The share of the largest heap that the old generation may fill before a computation is stopped. */
    private static final double NEARLY_FULL = 0.9;
    private static final List<MemoryPoolMXBean> OLD_GENERATION = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .toList();

    private HeapWatch() {
    }

    static boolean nearlyFull() {
        long max = Runtime.getRuntime().maxMemory();
        long old = OLD_GENERATION.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        return max != Long.MAX_VALUE && old >= NEARLY_FULL * max;
    }
}
