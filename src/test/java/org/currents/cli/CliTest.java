package org.currents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator uses it, on a temporary data directory. */
class CliTest {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(args, Map.of("CURRENTS_DATA", data.toString()));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void importsListsExportsAndRemovesSources() throws Exception {
        Path opml = data.resolve("in.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body><outline text=\"Extra\">"
                + "<outline text=\"Copy\" xmlUrl=\"https://extra.example/feed\"/></outline></body></opml>");
        Run imported = run("import-opml", opml.toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals("1 added, 0 merged, 0 skipped\n", imported.out());
        Run list = run("sources", "list");
        assertTrue(list.out().startsWith("ID  STATUS  FEED_URL"), list.out());
        assertEquals(2, list.out().lines().count(), "a header and one source; listing does not import sources.opml: "
                + list.out());
        Run configured = run("import-opml");
        assertEquals(0, configured.code(), configured.err());
        assertEquals("6 added, 0 merged, 0 skipped\n", configured.out());
        Run exported = run("export-opml");
        assertTrue(exported.out().contains("<outline text=\"Extra\">"), exported.out());
        String id = run("sources", "list").out().lines().filter(l -> l.contains("extra.example")).findFirst().orElseThrow()
                .split(" ")[0];
        assertEquals(0, run("sources", "remove", id).code());
        assertTrue(!run("sources", "list").out().contains("extra.example"));
        Run json = run("sources", "list", "--json");
        assertTrue(json.out().strip().startsWith("[") && json.out().contains("\"feed_url\" : \"file:feeds/world-wire.rss\""),
                json.out());
    }

    @Test
    void failsWithAClearMessageOnBadInput() throws Exception {
        Run missing = run("import-opml", data.resolve("nope.opml").toString());
        assertEquals(2, missing.code());
        assertEquals("currents: no such file: " + data.resolve("nope.opml") + "\n", missing.err());
        Path bad = data.resolve("bad.opml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><opml/>");
        Run hostile = run("import-opml", bad.toString());
        assertEquals(2, hostile.code());
        assertEquals("currents: " + bad + ": OPML with a DOCTYPE is refused (entities are not allowed); nothing was "
                + "imported\n", hostile.err());
        Run noSource = run("sources", "remove", "424242");
        assertEquals(2, noSource.code());
        assertEquals("currents: no source 424242 (see 'currents sources list')\n", noSource.err());
        Run badPort = run("--port", "seventy");
        assertEquals(2, badPort.code());
        assertEquals("currents: setting port = 'seventy' (from the --port flag) is not a whole number\n", badPort.err());
        Run help = run("sources", "add", "--help");
        assertEquals(0, help.code());
        assertTrue(!help.out().contains("--port"), help.out());
        Run notUrl = run("sources", "add", "not a url");
        assertEquals(2, notUrl.code());
        assertEquals("currents: 'not a url' is not a URL (illegal character in path at character 4); write http://…, "
                + "https://… or file:…\n", notUrl.err());
    }
}
