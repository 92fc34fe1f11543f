package org.currents.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader("9.9.9");

    private Settings load(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> withConfig = new java.util.HashMap<>(flags);
        withConfig.putIfAbsent("config", dir.resolve("config").toString());
        return loader.load(withConfig, env);
    }

    private void writeProperties(String text) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/currents.properties"), text);
    }

    @Test
    void usesDefaultsWhenNothingIsGiven() {
        Settings s = load(Map.of(), Map.of());
        assertEquals(8080, s.server().port());
        assertNull(s.server().siteUrl());
        assertEquals(Duration.ofMinutes(15), s.poll().defaultInterval());
        assertEquals(10L << 20, s.fetch().maxBodyBytes());
        assertEquals(5, s.fetch().maxRedirects());
        assertTrue(s.store().jdbcUrl().startsWith("jdbc:h2:file:"), s.store().jdbcUrl());
        assertEquals(dir.resolve("config/sources.opml"), s.sourcesFile());
        assertEquals("Currents/9.9.9", s.fetch().userAgent());
        assertEquals(1, s.contexts().subjectLinkPatterns().size());
        assertEquals(50, s.contexts().feedEntries());
        assertEquals(200, s.contexts().archiveMaxEntries());
        assertNull(s.admin().token());
    }

    @Test
    void readsTheArchivePageSizeAndRefusesOneTooSmallOrTooLarge() throws IOException {
        writeProperties("feed.archive-max-entries=25\n");
        assertEquals(25, load(Map.of(), Map.of()).contexts().archiveMaxEntries());
        SettingsException small = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_FEED_ARCHIVE_MAX_ENTRIES", "3")));
        assertEquals("setting feed.archive-max-entries = '3' (from environment variable CURRENTS_FEED_ARCHIVE_MAX_ENTRIES) "
                + "must be between 10 and 10000", small.getMessage());
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_FEED_ARCHIVE_MAX_ENTRIES", "20000")));
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_FEED_ARCHIVE_MAX_ENTRIES", "many")));
    }

    @Test
    void flagBeatsEnvironmentWhichBeatsTheFile() throws IOException {
        writeProperties("port=8081\npoll.interval=20m\nfetch.max-bytes=2MB\n");
        Settings fileOnly = load(Map.of(), Map.of());
        assertEquals(8081, fileOnly.server().port());
        assertEquals(Duration.ofMinutes(20), fileOnly.poll().defaultInterval());
        assertEquals(2L << 20, fileOnly.fetch().maxBodyBytes());

        Settings env = load(Map.of(), Map.of("CURRENTS_PORT", "8082", "CURRENTS_POLL_INTERVAL", "PT1H"));
        assertEquals(8082, env.server().port());
        assertEquals(Duration.ofHours(1), env.poll().defaultInterval());

        Settings flag = load(Map.of("port", "8083"), Map.of("CURRENTS_PORT", "8082"));
        assertEquals(8083, flag.server().port());
    }

    @Test
    void refusesAnUnknownKeyInTheFileNamingIt() throws IOException {
        writeProperties("poll.intervall=5m\n");
        SettingsException e = assertThrows(SettingsException.class, () -> load(Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("poll.intervall"), e.getMessage());
    }

    @Test
    void refusesAnUnknownKeyInTheFileNamingTheClosestKnownOne() throws IOException {
        writeProperties("poll.intervall=5m\nfetch.maxbytes=1MB\n");
        SettingsException e = assertThrows(SettingsException.class, () -> load(Map.of(), Map.of()));
        assertEquals(dir.resolve("config/currents.properties") + ": unknown setting 'fetch.maxbytes'; did you mean "
                + "fetch.max-bytes? (also unknown: poll.intervall)", e.getMessage());
    }

    @Test
    void refusesAnUnknownCurrentsVariableNamingTheClosestKnownOne() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_POLL_INTERVALL", "5m", "HOME", "/root")));
        assertEquals("unknown environment variable CURRENTS_POLL_INTERVALL; did you mean CURRENTS_POLL_INTERVAL? "
                + "(the README lists every setting)", e.getMessage());
        load(Map.of(), Map.of("CURRENTS_LOG_LEVEL", "DEBUG", "CURRENTS_REQUIRE_POSTGRES", "1"));
    }

    @Test
    void saysWhereEachValueCameFrom() throws IOException {
        writeProperties("poll.interval=20m\n");
        Settings s = load(Map.of("port", "8083"), Map.of("CURRENTS_DATA", "/tmp/d"));
        assertEquals("the --port flag", s.origin(Key.PORT));
        assertEquals("environment variable CURRENTS_DATA", s.origin(Key.DATA));
        assertEquals(dir.resolve("config/currents.properties").toString(), s.origin(Key.POLL_INTERVAL));
        assertEquals("the default", s.origin(Key.HOST));
    }

    @Test
    void refusesMalformedValuesNamingKeyValueAndOrigin() {
        SettingsException port = assertThrows(SettingsException.class, () -> load(Map.of("port", "80a"), Map.of()));
        assertEquals("setting port = '80a' (from the --port flag) is not a whole number", port.getMessage());

        SettingsException range = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_PORT", "70000")));
        assertEquals("setting port = '70000' (from environment variable CURRENTS_PORT) must be between 0 and 65535",
                range.getMessage());

        SettingsException duration = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_FETCH_TOTAL_TIMEOUT", "soon")));
        assertTrue(duration.getMessage().startsWith("setting fetch.total-timeout = 'soon'"), duration.getMessage());

        SettingsException zero = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_POLL_INTERVAL", "0s")));
        assertTrue(zero.getMessage().contains("longer than zero"), zero.getMessage());
    }

    @Test
    void readsTheSubscriberSettingsAndRefusesABadCallbackBase() {
        Settings off = load(Map.of(), Map.of());
        assertNull(off.websub().callbackBase(), "subscribing is off by default");
        assertNull(off.websub().externalHub());
        Settings on = load(Map.of("websub.callback-base", "https://news.example/currents",
                "websub.external-hub", "https://hub.example/?x=1", "websub.fallback-interval", "3h"), Map.of());
        assertEquals(java.net.URI.create("https://news.example/currents/"), on.websub().callbackBase());
        assertEquals(java.net.URI.create("https://hub.example/?x=1"), on.websub().externalHub());
        assertEquals(java.time.Duration.ofHours(3), on.websub().fallbackInterval());

        SettingsException relative = assertThrows(SettingsException.class,
                () -> load(Map.of("websub.callback-base", "/currents/"), Map.of()));
        assertTrue(relative.getMessage().startsWith("setting websub.callback-base = '/currents/'"), relative.getMessage());
        SettingsException query = assertThrows(SettingsException.class,
                () -> load(Map.of("websub.callback-base", "https://news.example/?a=b"), Map.of()));
        assertTrue(query.getMessage().contains("without a query"), query.getMessage());
        SettingsException hub = assertThrows(SettingsException.class,
                () -> load(Map.of("websub.external-hub", "ftp://hub.example/"), Map.of()));
        assertTrue(hub.getMessage().contains("absolute http(s) URL"), hub.getMessage());
    }

    @Test
    void refusesAMinimumIntervalAboveTheMaximum() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_POLL_MIN_INTERVAL", "2d", "CURRENTS_POLL_MAX_INTERVAL", "1d")));
        assertTrue(e.getMessage().startsWith("setting poll.min-interval"), e.getMessage());
    }

    @Test
    void refusesADatabaseThatIsNeitherH2NorPostgres() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_DB_URL", "jdbc:mysql://db/x")));
        assertTrue(e.getMessage().startsWith("setting store.url"), e.getMessage());
    }

    @Test
    void readsTheStoreUnderItsNameAndItsFormerOneTheNewNameWinning() throws IOException {
        writeProperties("db.url=jdbc:postgresql://127.0.0.1/old\nstore.pool-size=12\n");
        Settings old = load(Map.of(), Map.of("CURRENTS_DB_USER", "u"));
        assertEquals("jdbc:postgresql://127.0.0.1/old", old.store().jdbcUrl());
        assertEquals("u", old.store().user());
        assertEquals(12, old.store().poolSize());
        Settings both = load(Map.of(), Map.of("CURRENTS_STORE_URL", "jdbc:postgresql://127.0.0.1/new",
                "CURRENTS_DB_URL", "jdbc:postgresql://127.0.0.1/old"));
        assertEquals("jdbc:postgresql://127.0.0.1/new", both.store().jdbcUrl());
        assertTrue(both.store().isPostgres());
    }

    @Test
    void readsTheNodesRolesAndNameAndRefusesUnknownRoles() {
        Settings defaults = load(Map.of(), Map.of());
        assertTrue(defaults.node().web() && defaults.node().poll(), "both roles by default");
        assertTrue(defaults.node().name().endsWith("-" + ProcessHandle.current().pid()), defaults.node().name());
        assertEquals(java.time.Duration.ofMillis(7500), defaults.node().checkinInterval());
        Settings web = load(Map.of(), Map.of("CURRENTS_NODE_ROLES", "web", "CURRENTS_NODE_NAME", "front-1"));
        assertEquals("web", web.node().roles());
        assertEquals("front-1", web.node().name());
        assertEquals("web,poll", load(Map.of(), Map.of("CURRENTS_NODE_ROLES", "both")).node().roles());
        assertEquals("poll", load(Map.of(), Map.of("CURRENTS_NODE_ROLES", " poll ")).node().roles());
        SettingsException e = assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_NODE_ROLES", "web,crawl")));
        assertTrue(e.getMessage().startsWith("setting node.roles = 'web,crawl'") && e.getMessage().contains("'crawl'"),
                e.getMessage());
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_NODE_ROLES", ",")));
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_NODE_NAME", "a b")));
    }

    @Test
    void refusesSubjectPatternsWithoutATitleGroupOrWithBadSyntax() {
        assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_CONTEXTS_SUBJECT_LINKS", "https://example\\.org/wiki/.*")));
        assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_CONTEXTS_SUBJECT_LINKS", "https://example.org/(")));
    }

    @Test
    void readsKeywordRulesAndRefusesMalformedOnes() {
        Settings s = load(Map.of(), Map.of("CURRENTS_CONTEXTS_RULES", "tanker=Shipping; ELN = Colombian conflict"));
        assertEquals(Map.of("tanker", "Shipping", "ELN", "Colombian conflict"), s.contexts().keywordRules());
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_CONTEXTS_RULES", "tanker")));
    }

    @Test
    void resolvesFileRootsAgainstTheProjectDirectory() {
        Settings s = load(Map.of(), Map.of("CURRENTS_FETCH_FILE_ROOTS", "feeds, more/feeds"));
        assertEquals(dir, s.fetch().fileBase());
        assertEquals(java.util.List.of(dir.resolve("feeds"), dir.resolve("more/feeds")), s.fetch().fileRoots());
    }

    @Test
    void siteUrlMustBeAbsoluteHttpAndGainsATrailingSlash() {
        assertEquals("https://news.example.org/x/",
                load(Map.of(), Map.of("CURRENTS_SITE_URL", "https://news.example.org/x")).server().siteUrl().toString());
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_SITE_URL", "ftp://x/")));
        assertThrows(SettingsException.class, () -> load(Map.of(), Map.of("CURRENTS_SITE_URL", "not a url")));
    }

    @Test
    void namesTheContactInTheUserAgentDefaultingToTheSiteUrl() {
        assertEquals("Currents/9.9.9 (+https://news.example.org/)",
                load(Map.of(), Map.of("CURRENTS_SITE_URL", "https://news.example.org")).fetch().userAgent());
        assertEquals("Currents/9.9.9 (+mailto:ops@example.org)",
                load(Map.of(), Map.of("CURRENTS_FETCH_CONTACT", "mailto:ops@example.org")).fetch().userAgent());
    }

    @Test
    void refusesAContactThatWouldBreakTheUserAgentHeader() {
        assertThrows(SettingsException.class,
                () -> load(Map.of(), Map.of("CURRENTS_FETCH_CONTACT", "https://x/\r\nX-Evil: 1")));
    }
}
