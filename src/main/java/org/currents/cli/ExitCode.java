package org.currents.cli;

/** The exit codes of every command, as the README documents them. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** Done in part: {@code poll --once} with a failed source, an import with refused entries. */
    static final int PARTLY = 1;
    /** What was given is wrong: a flag, a setting, a file, a URL, a source refused. */
    static final int BAD_INPUT = 2;
    /** What is needed is not available: the port is in use, the database is locked or unreachable. */
    static final int UNAVAILABLE = 3;
    /** A fault of Currents itself; the stack trace is logged at debug level. */
    static final int INTERNAL = 70;

    private ExitCode() {
    }
}
