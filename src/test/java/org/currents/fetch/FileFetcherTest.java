package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.currents.fetch.FetchResult.Fetched;
import org.currents.fetch.FetchResult.NotModified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFetcherTest {
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant MODIFIED = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private FileFetcher files;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("feeds"));
        Files.write(dir.resolve("feeds/a.rss"), FEED);
        Files.setLastModifiedTime(dir.resolve("feeds/a.rss"), FileTime.from(MODIFIED));
        Files.createDirectories(dir.resolve("private"));
        Files.writeString(dir.resolve("private/secret.txt"), "secret");
        files = new FileFetcher(dir, List.of(dir.resolve("feeds")), 1_000);
    }

    private FetchResult fetch(String url) {
        return files.fetch(new FetchRequest(URI.create(url), null, null));
    }

    @Test
    void refusesEscapesAlikeWhetherOrNotTheTargetExists() throws Exception {
        Files.createSymbolicLink(dir.resolve("feeds/private"), dir.resolve("private"));
        Files.createSymbolicLink(dir.resolve("feeds/dangling.rss"), dir.resolve("private/gone.txt"));
        for (String escape : List.of("file:feeds/../private/secret.txt", "file:feeds/../private/none.txt",
                "file:feeds/../nowhere/none.txt", "file:feeds/private/secret.txt", "file:feeds/private/none.txt",
                "file:feeds/private/nowhere/none.txt", "file:feeds/dangling.rss",
                dir.resolve("private/secret.txt").toUri().toString(), dir.resolve("private/none.txt").toUri().toString(),
                "file:///no-such-directory-anywhere/none.txt")) {
            Failed f = assertInstanceOf(Failed.class, fetch(escape), escape);
            assertEquals(FailureKind.NOT_ALLOWED, f.kind(), escape + ": " + f.message());
            assertEquals(escape + " is outside the directories file sources may read (fetch.file-roots)", f.message());
        }
        Failed missing = assertInstanceOf(Failed.class, fetch("file:feeds/none.rss"));
        assertEquals(404, missing.httpStatus(), missing.message());
    }

    @Test
    void readsLocalhostFileUrlsAndRefusesOtherHosts() {
        String path = dir.resolve("feeds/a.rss").toAbsolutePath().toUri().getRawPath();
        assertArrayEquals(FEED, assertInstanceOf(Fetched.class, fetch("file://localhost" + path)).body());
        for (String host : List.of("example.com", "127.0.0.1", "user@localhost", "localhost:22")) {
            Failed f = assertInstanceOf(Failed.class, fetch("file://" + host + path), host);
            assertEquals(FailureKind.NOT_ALLOWED, f.kind(), f.message());
            assertTrue(f.message().contains("file://" + host + path) && f.message().contains("host"), f.message());
        }
    }

    @Test
    void refusesAFileOverTheCap() throws Exception {
        Files.write(dir.resolve("feeds/big.rss"), new byte[1_001]);
        Files.write(dir.resolve("feeds/exact.rss"), new byte[1_000]);
        assertEquals(FailureKind.TOO_LARGE, assertInstanceOf(Failed.class, fetch("file:feeds/big.rss")).kind());
        assertEquals(1_000, assertInstanceOf(Fetched.class, fetch("file:feeds/exact.rss")).body().length);
    }

    @Test
    void capsWhatItReadsWhenTheSizeOnDiskUnderstatesIt() throws Exception {
        // Files in /proc report size 0 and hold more: the cap must apply to the bytes read.
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "needs Linux /proc");
        FileFetcher proc = new FileFetcher(dir, List.of(Path.of("/proc/self")), 64);
        Failed f = assertInstanceOf(Failed.class, proc.fetch(new FetchRequest(status.toUri(), null, null)));
        assertEquals(FailureKind.TOO_LARGE, f.kind(), f.message());
        assertTrue(f.message().contains(status.toUri().toString()) && f.message().contains("fetch.max-bytes"), f.message());
    }

    @Test
    void answersNotModifiedWhenTheFileIsNoNewerThanLastModified() {
        URI url = URI.create("file:feeds/a.rss");
        assertInstanceOf(NotModified.class, files.fetch(new FetchRequest(url, null, http(MODIFIED))));
        assertInstanceOf(NotModified.class, files.fetch(new FetchRequest(url, null, http(MODIFIED.plusSeconds(60)))));
        assertInstanceOf(Fetched.class, files.fetch(new FetchRequest(url, null, http(MODIFIED.minusSeconds(1)))));
        assertInstanceOf(Fetched.class, files.fetch(new FetchRequest(url, null, "not a date")));
        // As in HTTP, an entity tag, when given, decides alone: it also notices a change within the same second.
        assertInstanceOf(Fetched.class, files.fetch(new FetchRequest(url, "\"other\"", http(MODIFIED))));
        Fetched f = assertInstanceOf(Fetched.class, files.fetch(new FetchRequest(url, null, null)));
        assertEquals(http(MODIFIED), f.lastModified());
        assertInstanceOf(NotModified.class, files.fetch(new FetchRequest(url, f.etag(), http(MODIFIED.minusSeconds(1)))));
    }

    private static String http(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
