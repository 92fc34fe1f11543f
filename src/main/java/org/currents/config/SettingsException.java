package org.currents.config;

/** A setting that is missing, malformed or out of range; the message names the key and where it came from. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
