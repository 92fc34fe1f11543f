package org.currents.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void plainTextTakesTheShortWayToWhatJsoupWouldGive() {
        for (String s : List.of("  Floods\thit \n\n Lima  ", "\u00a0Tab\u00a0\u00a0and nbsp ", "Plain", " \r\f ",
                "Ünïcödé   wörds")) {
            assertEquals(Jsoup.parseBodyFragment(s).text().strip(), sanitizer.text(s), s);
        }
        assertEquals("a < b & c", sanitizer.text("a &lt; b &amp; c"));
        assertEquals("bold move", sanitizer.text("<b>bold</b> move"));
    }

    @Test
    void controlCharactersXmlForbidsBecomeSpaces() {
        assertEquals("Bad title here", sanitizer.text("\u0000Bad\u0001title\u000Bhere\uFFFF"));
        assertEquals("a b", sanitizer.text("<i>a</i>\u0008b"));
        assertEquals("<p>x y</p>", sanitizer.sanitize("<p>x\u0002y</p>", null, true).html());
        assertEquals("tab\tand\nnewline", HtmlSanitizer.xmlSafe("tab\tand\nnewline"));
    }

    @Test
    void oneParseGivesCleanMarkupTextLinksAndImages() {
        var out = sanitizer.sanitize("<p onclick=x()>Hi <a href=/wiki/Lima>Lima</a><script>alert(1)</script>"
                + "<img src=a.jpg><img src=pixel.gif width=1 height=1></p>", "https://en.wikipedia.org/wiki/Main", true);
        assertFalse(out.html().contains("script") || out.html().contains("onclick") || out.html().contains("pixel"),
                out.html());
        assertEquals("Hi Lima", out.text());
        assertEquals(List.of("https://en.wikipedia.org/wiki/Lima"), out.links());
        assertEquals(List.of("https://en.wikipedia.org/wiki/a.jpg"), out.images());
        assertEquals(HtmlSanitizer.SanitizedHtml.EMPTY, sanitizer.sanitize("  ", null, true));
    }

    @Test
    void readsTheTextOnlyWhenAskedAndTheRestAlike() {
        String html = "<p>Hi <a href=/a>there</a> <img src=b.jpg></p>";
        var withText = sanitizer.sanitize(html, "https://x.example/", true);
        var without = sanitizer.sanitize(html, "https://x.example/", false);
        assertEquals("Hi there", withText.text());
        assertEquals("", without.text());
        assertEquals(List.of(withText.html(), withText.links(), withText.images()),
                List.of(without.html(), without.links(), without.images()));
    }

    @Test
    void imagesOneOrZeroPixelsWideOrHighAreTrackingPixels() {
        String html = "<img src=w0.gif width=0><img src=h1.gif height=' 1px '><img src=w10.gif width=10>"
                + "<img src=h100px.gif height=100px><img src=w1em.gif width=1em><a name=top>no link</a>";
        assertEquals(List.of("https://x.example/w10.gif", "https://x.example/h100px.gif", "https://x.example/w1em.gif"),
                sanitizer.sanitize(html, "https://x.example/", true).images());
        assertEquals(List.of(), sanitizer.sanitize(html, "https://x.example/", true).links(), "an anchor without href is no link");
    }
}
