package org.currents.store;

/** A database failure; the transaction it happened in was rolled back, so nothing stored was lost. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
