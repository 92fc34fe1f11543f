package org.currents.config;

import java.util.List;
import java.util.Locale;

/** Every setting Currents knows: its key, default, and what it does. The README's table mirrors this list. */
public enum Key {
    CONFIG("config", "config", "directory holding currents.properties and sources.opml"),
    DATA("data", "data", "directory for the H2 database and other state"),
    HOST("host", "0.0.0.0", "address the web server listens on"),
    PORT("port", "8080", "port the web server listens on (0: any free port)"),
    SITE_URL("site.url", "", "public base URL of published links (default http://localhost:<port>/)"),
    CACHE_MAX_BYTES("cache.max-bytes", "64MB", "memory for rendered documents (each kept plain and gzipped), least recently "
            + "used dropped first"),
    CACHE_CHECK_EVERY("cache.check-every", "1s", "how often the server reads the database's version to see changes made "
            + "by other nodes (its own changes are seen at once)"),
    STORE_URL("store.url", "db.url", "", "JDBC URL (default: an H2 file under the data directory that the command line can open "
            + "while the server runs; jdbc:postgresql://... for a cluster)"),
    STORE_USER("store.user", "db.user", "", "database user"),
    STORE_PASSWORD("store.password", "db.password", "", "database password"),
    STORE_POOL_SIZE("store.pool-size", "db.pool-size", "8", "database connections of this node (a clustered node's "
            + "scheduler takes up to 3 of them besides its polls and requests)"),
    NODE_ROLES("node.roles", "web,poll", "what this node does: web (serve the site and the API), poll (poll the sources), "
            + "or both (web,poll)"),
    NODE_NAME("node.name", "", "this node's name, unique in a cluster: shown by /healthz and /metrics, and Quartz's "
            + "instance id (default: <host name>-<process id>)"),
    CLUSTER_CHECKIN_INTERVAL("cluster.checkin-interval", "7500ms", "how often a node on PostgreSQL tells the others it is "
            + "alive; a node silent for this long plus 7.5 s is taken as dead and its polls run elsewhere"),
    FETCH_CONNECT_TIMEOUT("fetch.connect-timeout", "10s", "time to open a connection"),
    FETCH_READ_TIMEOUT("fetch.read-timeout", "20s", "longest wait for the next bytes"),
    FETCH_TOTAL_TIMEOUT("fetch.total-timeout", "60s", "deadline for a whole fetch, redirects included"),
    FETCH_MAX_BYTES("fetch.max-bytes", "10MB", "largest feed body, after decompression"),
    FETCH_MAX_REDIRECTS("fetch.max-redirects", "5", "redirect hops followed"),
    FETCH_CONTACT("fetch.contact", "", "contact URL in the User-Agent (default: site.url); set it when polling the open web"),
    FETCH_ALLOW("fetch.allow", "", "hosts and CIDR ranges the address guard lets through, comma-separated"),
    FETCH_PUBLIC("fetch.public", "true", "whether sources and cover images may be fetched from public addresses; false "
            + "fetches only from what fetch.allow names, and looks no other host name up"),
    FETCH_FILE_ROOTS("fetch.file-roots", "feeds", "directories file: sources may read, comma-separated, relative to the project"),
    FETCH_MAX_PER_HOST("fetch.max-per-host", "2", "concurrent fetches per host"),
    FETCH_MAX_CONCURRENT("fetch.max-concurrent", "16", "concurrent fetches overall"),
    POLL_INTERVAL("poll.interval", "15m", "default poll interval"),
    POLL_MIN_INTERVAL("poll.min-interval", "5m", "shortest adaptive interval"),
    POLL_MAX_INTERVAL("poll.max-interval", "24h", "longest adaptive interval"),
    POLL_MAX_BACKOFF("poll.max-backoff", "24h", "longest wait after errors"),
    POLL_DISABLE_AFTER("poll.disable-after", "7d", "a source failing this long is disabled"),
    POLL_THREADS("poll.threads", "4", "polls running at once"),
    CONTEXTS_SUBJECT_LINKS("contexts.subject-links",
            "https?://[a-z]{2,3}(?:\\.m)?\\.wikipedia\\.org/wiki/([^?#]+)",
            "regular expressions (space-separated) of subject-page links; group 1 is the page title"),
    CONTEXTS_RULES("contexts.rules", "", "keyword rules, 'keyword=Context name' separated by ';'"),
    FEED_ENTRIES("feed.entries", "50", "events in a current feed; older ones are in its monthly archives (RFC 5005)"),
    FEED_ARCHIVE_MAX_ENTRIES("feed.archive-max-entries", "200",
            "events in one archive document at most; a month with more is split into pages of this many, in the order they arrived"),
    CONTEXTS_MIN_EVENTS("contexts.min-events", "2", "contexts offered as feeds in /opml and on the home page hold at least this many events"),
    MATCH_WINDOW("match.window", "2d", "reports this far apart (either way) may be merged into one event"),
    MATCH_THRESHOLD("match.threshold", "0.12", "evidence score (0 to 1) a report needs to join an event rather than start one"),
    MATCH_MEMORY("match.memory-events", "200000", "events the merge-candidate index keeps in memory (about 1 KB each)"),
    WEBSUB_LEASE("websub.lease", "10d", "lease a hub subscription gets when the subscriber asks for none"),
    WEBSUB_MAX_LEASE("websub.max-lease", "30d", "longest lease the hub grants (a longer hub.lease_seconds is cut to it)"),
    WEBSUB_ATTEMPTS("websub.attempts", "5", "deliveries tried per change before a failing subscriber is dropped"),
    WEBSUB_RETRY("websub.retry", "1m", "wait before the first retry of a failed delivery, doubled at each next one"),
    WEBSUB_CALLBACK_BASE("websub.callback-base", "", "public base URL at which hubs reach this site's subscriber callbacks "
            + "(<base>websub/callback/<token>); empty: subscribe to no hub, only poll"),
    WEBSUB_SUBSCRIBE_LEASE("websub.subscribe-lease", "10d", "lease asked of a source's hub when subscribing; renewed at 85% "
            + "of what the hub grants"),
    WEBSUB_FALLBACK_INTERVAL("websub.fallback-interval", "6h", "poll interval of a source whose hub pushes its changes to "
            + "us (a fallback in case a push is lost)"),
    WEBSUB_EXTERNAL_HUB("websub.external-hub", "", "an external WebSub hub pinged (hub.mode=publish) when the all-events "
            + "feeds change, and advertised by them besides /websub; empty: none"),
    ADMIN_TOKEN("admin.token", "", "bearer token required by the admin API for changes"),
    IMAGES_CACHE_BYTES("images.cache-bytes", "200MB", "disk space the resized cover images may take under the data directory");

    private final String name;
    private final String formerName;
    private final String defaultValue;
    private final String description;

    Key(String name, String defaultValue, String description) {
        this(name, null, defaultValue, description);
    }

    /** A key renamed: its former name ({@code db.url}) is still read, in every layer, below the new one. */
    Key(String name, String formerName, String defaultValue, String description) {
        this.name = name;
        this.formerName = formerName;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key as written in currents.properties. */
    public String key() {
        return name;
    }

    /** The environment variable that overrides it: {@code fetch.max-bytes} → {@code CURRENTS_FETCH_MAX_BYTES}. */
    public String environmentVariable() {
        return variable(name);
    }

    /** The key's former name, still read (null when it was never renamed). */
    public String formerKey() {
        return formerName;
    }

    /** The former name's environment variable (null when it was never renamed). */
    public String formerVariable() {
        return formerName == null ? null : variable(formerName);
    }

    private static String variable(String key) {
        return "CURRENTS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Every name read in the properties file, former names included. */
    public static List<String> names() {
        return java.util.Arrays.stream(values())
                .flatMap(k -> k.formerName == null ? java.util.stream.Stream.of(k.name) : java.util.stream.Stream.of(k.name, k.formerName))
                .toList();
    }

    /** The known key closest to a misspelled one, by edit distance. */
    public static Key closestTo(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(values())
                .min(java.util.Comparator.comparingInt((Key k) -> distance(k.name, n)))
                .orElseThrow();
    }

    /** The known key whose environment variable is closest to a misspelled one. */
    public static Key closestToVariable(String variable) {
        return java.util.Arrays.stream(values())
                .min(java.util.Comparator.comparingInt((Key k) -> distance(k.environmentVariable(), variable)))
                .orElseThrow();
    }

    /** Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
