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
        assertTrue(imported.out().contains("1 added"), imported.out());
        Run list = run("sources", "list");
        assertTrue(list.out().contains("https://extra.example/feed") && list.out().contains("file:feeds/world-wire.rss"),
                list.out());
        Run exported = run("export-opml");
        assertTrue(exported.out().contains("<outline text=\"Extra\">"), exported.out());
        String id = list.out().lines().filter(l -> l.contains("extra.example")).findFirst().orElseThrow().split("\t")[0];
        assertEquals(0, run("sources", "remove", id).code());
        assertTrue(!run("sources", "list").out().contains("extra.example"));
    }

    @Test
    void failsWithAClearMessageOnBadInput() throws Exception {
        Run missing = run("import-opml", data.resolve("nope.opml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path bad = data.resolve("bad.opml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><opml/>");
        Run hostile = run("import-opml", bad.toString());
        assertEquals(2, hostile.code());
        assertTrue(hostile.err().contains("DOCTYPE"), hostile.err());
        assertEquals(2, run("sources", "remove", "424242").code());
        Run badPort = run("--port", "seventy");
        assertEquals(2, badPort.code());
        assertTrue(badPort.err().contains("port"), badPort.err());
        assertEquals(0, run("sources", "add", "--help").code());
    }
}
