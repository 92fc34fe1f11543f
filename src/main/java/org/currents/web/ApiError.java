package org.currents.web;

/** A request the API refuses: the HTTP status, a message, and the field at fault (or null). */
final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    ApiError(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
