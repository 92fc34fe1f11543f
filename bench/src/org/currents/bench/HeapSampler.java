package org.currents.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Two peaks of the heap: used heap sampled every 20 ms (live objects plus garbage not yet
 * collected, so it follows the collector's sizing as much as the program's needs), and the heap
 * left right after each collection, young ones included (closer to what the program holds).
 * {@link #reset()} starts a new phase.
 */
final class HeapSampler {
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    HeapSampler() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) n.getUserData());
                long heapAfter = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        heapAfter += e.getValue().getUsed();
                    }
                }
                afterGc.accumulateAndGet(heapAfter, Math::max);
            }, null, null);
        }
        Thread t = new Thread(() -> {
            while (true) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
    }

    private void sample() {
        Runtime rt = Runtime.getRuntime();
        used.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
    }

    void reset() {
        System.gc();
        used.set(0);
        afterGc.set(0);
    }

    /** Peak used heap in MB, sampled. */
    long usedMb() {
        sample();
        return used.get() >> 20;
    }

    /** Peak heap right after a collection, in MB. */
    long afterGcMb() {
        return afterGc.get() >> 20;
    }
}
