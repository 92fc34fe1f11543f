package org.currents.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.currents.fetch.FetchResult.Fetched;
import org.currents.fetch.FetchResult.NotModified;

/**
 * Reads {@code file:} sources, only from inside the configured directories (after resolving
 * {@code ..} and symbolic links), with validators from size and modification time so an
 * unchanged file is "not modified" like an unchanged HTTP feed.
 */
final class FileFetcher {
    private final Path base;
    private final FileRoots roots;
    private final long maxBytes;

    FileFetcher(Path base, List<Path> roots, long maxBytes) {
        this.base = base.toAbsolutePath().normalize();
        this.roots = new FileRoots(roots);
        this.maxBytes = maxBytes;
    }

    /** Why every fetch of {@code url} would be refused (another host, outside the roots), or null; reads nothing. */
    String refusal(URI url) {
        String host = url.getRawAuthority();
        // file://server/share is a network share on some systems: a source must not reach another machine this way.
        if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            return url + " names the host " + host + "; file sources are read "
                    + "from this machine only (file:///path, file://localhost/path or file:path)";
        }
        try {
            if (locate(url).place() == FileRoots.Place.OUTSIDE) {
                return url + " is outside the directories file sources may read (fetch.file-roots)";
            }
        } catch (InvalidPathException e) {
            return url + " is not a usable file path";
        }
        return null;
    }

    private FileRoots.Location locate(URI url) {
        String raw = url.isOpaque() ? url.getSchemeSpecificPart() : url.getPath();
        return roots.locate(base.resolve(raw).normalize());
    }

    FetchResult fetch(FetchRequest request) {
        URI url = request.url();
        String refused = refusal(url);
        if (refused != null) {
            return failed(url, FailureKind.NOT_ALLOWED, 0, refused);
        }
        FileRoots.Location location = locate(url);
        if (location.place() == FileRoots.Place.MISSING) {
            return failed(url, FailureKind.HTTP_ERROR, 404, url + ": no such file");
        }
        Path path = location.real();
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return failed(url, FailureKind.NOT_ALLOWED, 0, url + " is not a regular file");
            }
            if (attrs.size() > maxBytes) {
                return failed(url, FailureKind.TOO_LARGE, 0, url + " is " + attrs.size() + " bytes, over the limit of "
                        + maxBytes + " (fetch.max-bytes)");
            }
            String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
            String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(attrs.lastModifiedTime().toInstant()
                    .atZone(ZoneOffset.UTC));
            if (unchanged(request, etag, attrs.lastModifiedTime().toInstant())) {
                return new NotModified(url, null);
            }
            byte[] body = read(path);
            if (body.length > maxBytes) {
                return failed(url, FailureKind.TOO_LARGE, 0, url + " holds more than " + maxBytes + " bytes, the limit "
                        + "(fetch.max-bytes)");
            }
            return new Fetched(url, 200, body, null, etag, lastModified, null);
        } catch (IOException e) {
            return failed(url, FailureKind.NETWORK, 0, "cannot read " + url + ": " + e.getMessage());
        }
    }

    /**
     * As a server judges If-None-Match and If-Modified-Since: the entity tag decides when given
     * (it also sees a change within the same second); otherwise the file is unchanged when it is
     * no newer than the date, compared to the second, which is all an HTTP date holds. A date
     * that cannot be read counts as changed.
     */
    private static boolean unchanged(FetchRequest request, String etag, Instant modified) {
        if (request.etag() != null) {
            return etag.equals(request.etag());
        }
        if (request.lastModified() == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(request.lastModified().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * At most one byte over the cap. The size on disk is only a hint: files in /proc and the like
     * report 0 and hold more, and a file may grow after it was measured. The path was resolved
     * free of links; a link put in its place since is not followed.
     */
    private byte[] read(Path path) throws IOException {
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(cap + 1);
        }
    }

    private static Failed failed(URI url, FailureKind kind, int status, String message) {
        return new Failed(url, kind, status, message, null);
    }
}
