package org.currents.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.currents.fetch.FetchRequest;
import org.currents.fetch.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cover images Currents serves in place of the outlets' own: each image URL is fetched once,
 * in the background, through the fetcher sources use (address guard, size and time limits),
 * decoded, resized ({@link ImageVariants}) and kept under {@code dir/<key>/<width>.jpg}. A URL
 * that failed is remembered for a day so pages do not ask again. The directory is kept within
 * {@code budgetBytes} by dropping the least recently written images.
 */
public final class CoverImages implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoverImages.class);
    private static final String FAILED = "failed";
    private static final Duration RETRY_AFTER = Duration.ofDays(1);

    /** A cover ready to serve: its key and the widths on disk, smallest first. */
    public record Ready(String key, List<Integer> widths) {
        public Ready {
            widths = List.copyOf(widths);
        }
    }

    private final Path dir;
    private final long budgetBytes;
    private final Function<FetchRequest, FetchResult> fetcher;
    private final Clock clock;
    private final ExecutorService worker;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public CoverImages(Path dir, long budgetBytes, Function<FetchRequest, FetchResult> fetcher, Clock clock) {
        this.dir = dir;
        this.budgetBytes = budgetBytes;
        this.fetcher = fetcher;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cover-images");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The cover of {@code url} if it is on disk; otherwise none, and unless it failed lately a
     * fetch is started so a later page shows it. Cheap: looks at the directory only.
     */
    public Optional<Ready> ready(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String key = key(url);
        Path folder = dir.resolve(key);
        List<Integer> widths = widths(folder);
        if (!widths.isEmpty()) {
            return Optional.of(new Ready(key, widths));
        }
        if (!failedLately(folder) && pending.add(key)) {
            worker.execute(() -> {
                try {
                    load(url, key);
                } finally {
                    pending.remove(key);
                }
            });
        }
        return Optional.empty();
    }

    /** The bytes of one stored width of a cover, for serving. */
    public Optional<byte[]> variant(String key, int width) {
        if (!key.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        Path file = dir.resolve(key).resolve(width + ".jpg");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Fetches, checks, resizes and stores one image now; false (with the reason recorded) when it cannot. */
    boolean load(String url, String key) {
        Path folder = dir.resolve(key);
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return fail(folder, url, "only http and https images are fetched");
            }
            FetchResult result = fetcher.apply(new FetchRequest(uri, null, null));
            if (!(result instanceof FetchResult.Fetched fetched)) {
                return fail(folder, url, result instanceof FetchResult.Failed f ? f.message() : "no body");
            }
            Map<Integer, byte[]> variants = ImageVariants.of(fetched.body());
            // Every width is written beside the folder, which then takes them all in one move: a page
            // made while they were moved in one by one listed the first alone in its srcset.
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, key + ".");
            try {
                for (Map.Entry<Integer, byte[]> v : variants.entrySet()) {
                    Files.write(staging.resolve(v.getKey() + ".jpg"), v.getValue());
                }
                if (Files.isDirectory(folder)) {
                    delete(folder);
                }
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.isDirectory(staging)) {
                    delete(staging);
                }
            }
            keepWithinBudget();
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return fail(folder, url, e.getMessage());
        }
    }

    private boolean fail(Path folder, String url, String reason) {
        log.info("cover image {} not served: {}", url, reason);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(FAILED), url + "\n" + reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("cannot record the failed cover image {} under {}: {}", url, folder, e.getMessage());
        }
        return false;
    }

    private boolean failedLately(Path folder) {
        Path marker = folder.resolve(FAILED);
        try {
            return Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(marker).toInstant().plus(RETRY_AFTER).isAfter(clock.instant());
        } catch (IOException e) {
            return false;
        }
    }

    /** Drops whole images, least recently written first, until the directory fits the budget. */
    private synchronized void keepWithinBudget() throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).sorted(Comparator.comparing(CoverImages::modified)).toList();
        }
        long total = 0;
        for (Path f : folders) {
            total += size(f);
        }
        for (Path f : folders) {
            if (total <= budgetBytes) {
                break;
            }
            total -= size(f);
            delete(f);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** The widths stored in a cover's folder, smallest first; none when there is no folder. */
    private static List<Integer> widths(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,5}\\.jpg"))
                    .forEach(n -> out.add(Integer.parseInt(n.substring(0, n.length() - 4))));
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The file name an image URL is kept under. */
    static String key(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
