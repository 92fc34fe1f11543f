package org.currents.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Limits and manners of fetching. {@code allow} lists hosts and CIDR ranges the address guard
 * lets through although they are private or loopback ({@code fetch.allow}). {@code fileRoots}
 * are the only directories {@code file:} sources may read from; {@code fileBase} is what a
 * relative {@code file:} URL resolves against (the project directory).
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        List<String> allow,
        Path fileBase,
        List<Path> fileRoots,
        int maxPerHost,
        int maxConcurrent,
        boolean publicAddresses) {

    public FetchSettings {
        allow = List.copyOf(allow);
        fileRoots = List.copyOf(fileRoots);
    }

    /** Settings that let public addresses through, as by default. */
    public FetchSettings(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBodyBytes,
                         int maxRedirects, String userAgent, List<String> allow, Path fileBase, List<Path> fileRoots,
                         int maxPerHost, int maxConcurrent) {
        this(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects, userAgent, allow, fileBase, fileRoots,
                maxPerHost, maxConcurrent, true);
    }
}
