package org.currents.store;

/**
 * The order in which numbered ingests take the ingest lock ({@link EventIngest#ingestInOrder}):
 * the {@code k}th waits until the one before it holds the lock, so threads that file one ordered
 * list of ingests decide them in order while each writes beside the next one's decision.
 */
public final class FilingOrder {
    private int next;

    /** Waits until ingest {@code k} is next to take the lock. */
    synchronized void awaitTurn(int k) {
        boolean interrupted = false;
        while (next < k) {
            try {
                wait();
            } catch (InterruptedException e) {
                // The ingests after this one wait for it: it goes on, and the interrupt is kept.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ingest {@code k} will not be filed (its items came to nothing, or failed before): the next one need not wait for it. */
    public void skip(int k) {
        awaitTurn(k);
        passed(k);
    }

    /** Ingest {@code k} holds the lock (or will not take it): the next one may queue for it. */
    synchronized void passed(int k) {
        if (next <= k) {
            next = k + 1;
            notifyAll();
        }
    }
}
