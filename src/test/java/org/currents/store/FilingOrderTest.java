package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ingests numbered in their order take the ingest lock in that order, however their threads are scheduled. */
class FilingOrderTest {
    @Test
    void ingestsPassInTheirOrderWhateverOrderTheirThreadsArriveIn() throws Exception {
        FilingOrder order = new FilingOrder();
        List<Integer> passed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> arrivals = new ArrayList<>(IntStream.range(0, 40).boxed().toList());
        Collections.shuffle(arrivals, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(arrivals.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int k : arrivals) {
                running.add(pool.submit(() -> {
                    if (k % 5 == 3) {
                        // An ingest whose items came to nothing: it takes no lock, and holds no one up.
                        order.skip(k);
                    } else {
                        order.awaitTurn(k);
                        passed.add(k);
                        order.passed(k);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(IntStream.range(0, 40).filter(k -> k % 5 != 3).boxed().toList(), passed);
    }
}
