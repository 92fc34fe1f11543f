package org.currents;

import java.nio.file.Path;

/** The packaged jar and the java that runs it, for tests that run Currents as an operator does. */
public final class PackagedJar {
    public static final Path JAR = Path.of(System.getProperty("currents.jar", "target/currents.jar")).toAbsolutePath();
    public static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private PackagedJar() {
    }
}
