package org.currents.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
    private final List<Path> roots = new ArrayList<>();
    private final long maxBytes;

    FileFetcher(Path base, List<Path> roots, long maxBytes) {
        this.base = base.toAbsolutePath().normalize();
        for (Path root : roots) {
            try {
                this.roots.add(root.toRealPath());
            } catch (IOException e) {
                // A configured root that does not exist allows nothing; sources under it fail with a message.
            }
        }
        this.maxBytes = maxBytes;
    }

    FetchResult fetch(FetchRequest request) {
        URI url = request.url();
        Path path;
        try {
            String raw = url.isOpaque() ? url.getSchemeSpecificPart() : Path.of(url).toString();
            path = base.resolve(raw).toRealPath();
        } catch (NoSuchFileException e) {
            return failed(url, FailureKind.HTTP_ERROR, 404, "no such file: " + e.getFile());
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return failed(url, FailureKind.NOT_ALLOWED, 0, "cannot read " + url + ": " + e.getMessage());
        }
        if (roots.stream().noneMatch(path::startsWith)) {
            return failed(url, FailureKind.NOT_ALLOWED, 0, url + " is outside the directories file sources may read "
                    + "(fetch.file-roots)");
        }
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
            if (etag.equals(request.etag())) {
                return new NotModified(url, null);
            }
            byte[] body = Files.readAllBytes(path);
            return new Fetched(url, 200, body, null, etag, lastModified, null);
        } catch (IOException e) {
            return failed(url, FailureKind.NETWORK, 0, "cannot read " + url + ": " + e.getMessage());
        }
    }

    private static Failed failed(URI url, FailureKind kind, int status, String message) {
        return new Failed(url, kind, status, message, null);
    }
}
