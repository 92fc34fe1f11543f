package org.currents.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates every setting: flags over environment variables over
 * {@code <config>/currents.properties} over defaults. Unknown keys in the file are refused, so
 * a typo never silently falls back to a default.
 */
public final class SettingsLoader {
    public static final String PROPERTIES_FILE = "currents.properties";
    /** Variables that are not settings: the log level, read by logback.xml. */
    public static final Set<String> OTHER_VARIABLES = Set.of("CURRENTS_LOG_LEVEL");

    private final String version;

    /** @param version Currents' version, for the User-Agent */
    public SettingsLoader(String version) {
        this.version = version;
    }

    /**
     * @param flags       values given on the command line, by key ({@code port}, {@code data}, ...)
     * @param environment the process environment
     */
    public Settings load(Map<String, String> flags, Map<String, String> environment) {
        refuseUnknownVariables(environment);
        SettingValues bootstrap = new SettingValues(flags, environment, Map.of(), "");
        Path configDir = Path.of(bootstrap.string(Key.CONFIG)).toAbsolutePath().normalize();
        Path file = configDir.resolve(PROPERTIES_FILE);
        SettingValues values = new SettingValues(flags, environment, readFile(file), file.toString());

        Path dataDir = Path.of(values.string(Key.DATA)).toAbsolutePath().normalize();
        int port = values.integer(Key.PORT, 0, 65535);
        ServerSettings server = new ServerSettings(values.string(Key.HOST), port, siteUrl(values),
                values.bytes(Key.CACHE_MAX_BYTES), values.duration(Key.CACHE_CHECK_EVERY));
        Map<Key, String> origins = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            origins.put(key, values.origin(key));
        }
        return new Settings(configDir, dataDir, server, store(values, dataDir), fetch(values, configDir, server),
                poll(values), contexts(values), match(values), new AdminSettings(blankToNull(values.string(Key.ADMIN_TOKEN))),
                node(values), websub(values), origins, new ImageSettings(values.bytes(Key.IMAGES_CACHE_BYTES)));
    }

    /**
     * A {@code CURRENTS_*} variable that names no setting is refused, naming the closest one: a
     * misspelled override would otherwise be ignored without a word. {@link #OTHER_VARIABLES}
     * and the test suite's {@code CURRENTS_REQUIRE_*} switches are not settings but are known.
     */
    private static void refuseUnknownVariables(Map<String, String> environment) {
        Set<String> known = new HashSet<>(OTHER_VARIABLES);
        for (Key key : Key.values()) {
            known.add(key.environmentVariable());
            if (key.formerVariable() != null) {
                known.add(key.formerVariable());
            }
        }
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith("CURRENTS_") && !known.contains(name) && !name.startsWith("CURRENTS_REQUIRE_")) {
                throw new SettingsException("unknown environment variable " + name + "; did you mean "
                        + Key.closestToVariable(name).environmentVariable() + "? (the README lists every setting)");
            }
        }
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        TreeSet<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(Key.names());
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new SettingsException(file + ": unknown setting '" + first + "'; did you mean "
                    + Key.closestTo(first).key() + "?" + (unknown.size() > 1 ? " (also unknown: "
                    + String.join(", ", unknown.tailSet(first, false)) + ")" : ""));
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    private static URI siteUrl(SettingValues values) {
        String text = values.string(Key.SITE_URL);
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw values.invalid(Key.SITE_URL, "must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw values.invalid(Key.SITE_URL, "is not a URL: " + e.getReason());
        }
    }

    private static StoreSettings store(SettingValues values, Path dataDir) {
        String url = values.string(Key.STORE_URL);
        if (url.isEmpty()) {
            // H2 re-parses SQL beyond its 8 cached statements per connection; an ingest runs a dozen kinds.
            // AUTO_SERVER: the first process opens the file and serves it to the others (the command
            // line beside a running server) over a local port guarded by a key in the lock file.
            // LOCK_TIMEOUT: ingests queue on the events counter's row lock, one feed at a time; the
            // default second would fail a poll queued behind a large feed.
            // AUTO_COMPACT_FILL_RATE=0: no chunk rewriting in the background, where a process killed
            // mid-move was seen to leave a file H2 could not open again; the file is compacted when
            // the server stops cleanly instead. WRITE_DELAY is set to 0 on every open, whatever the URL
            // (see Database: how a killed process could leave half a transaction otherwise).
            // CACHE_SIZE=8192 (KB): matching keeps its window in memory, so H2's page cache serves
            // little, and its default 16 MB held pages long enough for G1 to promote them: the heap
            // peaked 90 MB higher over 100,000 items, no faster (docs/benchmarks.md).
            url = "jdbc:h2:file:" + dataDir.resolve("currents").toString().replace('\\', '/')
                    + ";QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000;AUTO_COMPACT_FILL_RATE=0;CACHE_SIZE=8192";
        } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw values.invalid(Key.STORE_URL, "must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) URL");
        }
        return new StoreSettings(url, values.string(Key.STORE_USER), values.string(Key.STORE_PASSWORD),
                values.integer(Key.STORE_POOL_SIZE, 1, 200));
    }

    private FetchSettings fetch(SettingValues values, Path configDir, ServerSettings server) {
        String contact = values.string(Key.FETCH_CONTACT);
        if (contact.isEmpty() && server.siteUrl() != null) {
            contact = server.siteUrl().toString();
        }
        if (contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw values.invalid(Key.FETCH_CONTACT, "must be printable ASCII (it goes into an HTTP header)");
        }
        String userAgent = "Currents/" + version + (contact.isEmpty() ? "" : " (+" + contact + ")");
        // Relative file: sources and file roots are relative to the project, the config directory's parent.
        Path projectDir = configDir.getParent() == null ? configDir : configDir.getParent();
        List<Path> roots = values.list(Key.FETCH_FILE_ROOTS, ",").stream()
                .map(r -> projectDir.resolve(r).normalize()).toList();
        return new FetchSettings(
                values.duration(Key.FETCH_CONNECT_TIMEOUT),
                values.duration(Key.FETCH_READ_TIMEOUT),
                values.duration(Key.FETCH_TOTAL_TIMEOUT),
                values.bytes(Key.FETCH_MAX_BYTES),
                values.integer(Key.FETCH_MAX_REDIRECTS, 0, 20),
                userAgent,
                values.list(Key.FETCH_ALLOW, ","),
                projectDir,
                roots,
                values.integer(Key.FETCH_MAX_PER_HOST, 1, 1024),
                values.integer(Key.FETCH_MAX_CONCURRENT, 1, 1024),
                values.bool(Key.FETCH_PUBLIC));
    }

    private static PollSettings poll(SettingValues values) {
        PollSettings poll = new PollSettings(
                values.duration(Key.POLL_INTERVAL),
                values.duration(Key.POLL_MIN_INTERVAL),
                values.duration(Key.POLL_MAX_INTERVAL),
                values.duration(Key.POLL_MAX_BACKOFF),
                values.duration(Key.POLL_DISABLE_AFTER),
                values.integer(Key.POLL_THREADS, 1, 256));
        if (poll.minInterval().compareTo(poll.maxInterval()) > 0) {
            throw values.invalid(Key.POLL_MIN_INTERVAL, "must not be longer than poll.max-interval (" + poll.maxInterval() + ")");
        }
        return poll;
    }

    private static ContextSettings contexts(SettingValues values) {
        List<Pattern> patterns = values.list(Key.CONTEXTS_SUBJECT_LINKS, "\\s+").stream().map(p -> {
            try {
                Pattern pattern = Pattern.compile(p, Pattern.CASE_INSENSITIVE);
                if (pattern.matcher("").groupCount() < 1) {
                    throw values.invalid(Key.CONTEXTS_SUBJECT_LINKS, "pattern '" + p + "' needs a group for the page title");
                }
                return pattern;
            } catch (PatternSyntaxException e) {
                throw values.invalid(Key.CONTEXTS_SUBJECT_LINKS, "has a bad pattern: " + e.getDescription());
            }
        }).toList();
        Map<String, String> rules = new LinkedHashMap<>();
        for (String rule : values.list(Key.CONTEXTS_RULES, ";")) {
            int eq = rule.indexOf('=');
            if (eq <= 0 || eq == rule.length() - 1) {
                throw values.invalid(Key.CONTEXTS_RULES, "has a rule '" + rule + "' not of the form keyword=Context name");
            }
            rules.put(rule.substring(0, eq).strip(), rule.substring(eq + 1).strip());
        }
        return new ContextSettings(patterns, rules, values.integer(Key.CONTEXTS_MIN_EVENTS, 1, 1_000_000),
                values.integer(Key.FEED_ENTRIES, 1, 10_000), values.integer(Key.FEED_ARCHIVE_MAX_ENTRIES, 10, 10_000));
    }

    private static MatchSettings match(SettingValues values) {
        double threshold;
        try {
            threshold = Double.parseDouble(values.string(Key.MATCH_THRESHOLD).strip());
        } catch (NumberFormatException e) {
            throw values.invalid(Key.MATCH_THRESHOLD, "is not a number");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw values.invalid(Key.MATCH_THRESHOLD, "must be above 0 and at most 1");
        }
        return new MatchSettings(values.duration(Key.MATCH_WINDOW), threshold,
                values.integer(Key.MATCH_MEMORY, 1000, 100_000_000));
    }

    private static NodeSettings node(SettingValues values) {
        boolean web = false;
        boolean poll = false;
        for (String role : values.list(Key.NODE_ROLES, ",")) {
            switch (role.toLowerCase(java.util.Locale.ROOT)) {
                case "web" -> web = true;
                case "poll" -> poll = true;
                case "both" -> {
                    web = true;
                    poll = true;
                }
                default -> throw values.invalid(Key.NODE_ROLES, "has an unknown role '" + role + "'; the roles are web and poll "
                        + "(web,poll or both for both)");
            }
        }
        if (!web && !poll) {
            throw values.invalid(Key.NODE_ROLES, "names no role; give web, poll or web,poll");
        }
        String name = values.string(Key.NODE_NAME);
        if (name.isEmpty()) {
            name = hostName() + "-" + ProcessHandle.current().pid();
        } else if (!name.matches("[A-Za-z0-9._:-]{1,80}")) {
            throw values.invalid(Key.NODE_NAME, "must be 1 to 80 letters, digits, '.', '_', ':' or '-'");
        }
        return new NodeSettings(name, web, poll, values.duration(Key.CLUSTER_CHECKIN_INTERVAL));
    }

    private static String hostName() {
        try {
            String host = java.net.InetAddress.getLocalHost().getHostName();
            return host.isBlank() ? "node" : host;
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    private static WebSubSettings websub(SettingValues values) {
        WebSubSettings websub = new WebSubSettings(values.duration(Key.WEBSUB_LEASE), values.duration(Key.WEBSUB_MAX_LEASE),
                values.integer(Key.WEBSUB_ATTEMPTS, 1, 20), values.duration(Key.WEBSUB_RETRY),
                httpUrl(values, Key.WEBSUB_CALLBACK_BASE, true), values.duration(Key.WEBSUB_SUBSCRIBE_LEASE),
                values.duration(Key.WEBSUB_FALLBACK_INTERVAL), httpUrl(values, Key.WEBSUB_EXTERNAL_HUB, false));
        if (websub.subscribeLease().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
            throw values.invalid(Key.WEBSUB_SUBSCRIBE_LEASE, "must be at least 1s");
        }
        if (websub.lease().compareTo(websub.maxLease()) > 0) {
            throw values.invalid(Key.WEBSUB_LEASE, "must not be longer than websub.max-lease (" + websub.maxLease() + ")");
        }
        return websub;
    }

    /** An absolute http(s) URL without a fragment (a base also without a query), or null when empty; a base gets its trailing '/'. */
    private static URI httpUrl(SettingValues values, Key key, boolean base) {
        String text = values.string(key).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(base && !text.endsWith("/") ? text + "/" : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || base && uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw values.invalid(key, "must be an absolute http(s) URL without " + (base ? "a query or " : "") + "a fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw values.invalid(key, "is not a URL: " + e.getReason());
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
