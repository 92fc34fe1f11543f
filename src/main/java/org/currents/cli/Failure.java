package org.currents.cli;

/**
 * Why a command stopped, as an operator reads it: one line saying what is wrong, an optional
 * second line saying what to do, and the exit code.
 */
final class Failure extends RuntimeException {
    private final int exitCode;
    private final String hint;

    Failure(int exitCode, String message, String hint, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
        this.hint = hint == null ? null : oneLine(hint);
    }

    Failure(int exitCode, String message) {
        this(exitCode, message, null, null);
    }

    int exitCode() {
        return exitCode;
    }

    /** What to do about it, or null. */
    String hint() {
        return hint;
    }

    /** Text on one line: line breaks and the blanks around them become one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
