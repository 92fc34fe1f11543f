package org.currents.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories {@code file:} sources may read ({@code fetch.file-roots}), and where a path
 * really leads with respect to them once {@code ..} and symbolic links are resolved. A path
 * that does not exist is judged by where it would lead, so "missing" is only ever said of a
 * path inside: answering "missing" outside would tell a caller which files exist there.
 */
final class FileRoots {
    /** Where a path leads: {@code real} is set only for {@link Place#INSIDE}. */
    record Location(Place place, Path real) {
    }

    enum Place {
        INSIDE,
        /** Inside, but nothing is there. */
        MISSING,
        /** Outside every root, or not known to be inside (a broken link, an unreadable directory). */
        OUTSIDE
    }

    private static final Location MISSING = new Location(Place.MISSING, null);
    private static final Location OUTSIDE = new Location(Place.OUTSIDE, null);

    private final List<Path> written = new ArrayList<>();
    private final List<Path> real = new ArrayList<>();

    FileRoots(List<Path> roots) {
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
                written.add(root.toAbsolutePath().normalize());
            } catch (IOException e) {
                // A configured root that does not exist allows nothing; sources under it fail with a message.
            }
        }
    }

    /** Where {@code path} (absolute and normalized) leads. */
    Location locate(Path path) {
        // Cheap first: a path not even written under a root is refused without touching the file system.
        if (!under(path, written) && !under(path, real)) {
            return OUTSIDE;
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return OUTSIDE;
        }
        Path resolved;
        try {
            resolved = existing.toRealPath();
        } catch (IOException e) {
            return OUTSIDE;
        }
        if (existing.equals(path)) {
            return under(resolved, real) ? new Location(Place.INSIDE, resolved) : OUTSIDE;
        }
        Path rest = existing.relativize(path);
        // The first missing name may be a link to nowhere: where it points is not inside anything we know.
        if (Files.exists(existing.resolve(rest.getName(0)), LinkOption.NOFOLLOW_LINKS)) {
            return OUTSIDE;
        }
        return under(resolved.resolve(rest), real) ? MISSING : OUTSIDE;
    }

    private static boolean under(Path path, List<Path> roots) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
