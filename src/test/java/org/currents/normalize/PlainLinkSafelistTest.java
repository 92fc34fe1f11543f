package org.currents.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

/** Plain links skip jsoup's resolution and come out exactly as jsoup alone would leave them. */
class PlainLinkSafelistTest {
    private static final List<String> BASES = Arrays.asList(null, "", "https://x.example/dir/page?q=1#frag",
            "http://x.example/", "not a url", "https://news.example.org/a/./b/../c", "ftp://files.example/");
    private static final List<String> URLS = List.of(
            "https://news.example.org/article/2023/09/university-feed",
            "https://news.example.org/article?utm_source=rss&utm_medium=feed&id=4391294",
            "http://a.example/p?x=1?y=2", "http://a.example/", "https://en.wikipedia.org/wiki/Lima_(Peru)",
            "https://a.example/%7Euser/a:b@c;d,e!f$g'h*i+j=k",
            // Near misses: each must go through jsoup, and still come out as jsoup makes it.
            "https://a.example", "https://a.example?x", "https://A.example/p", "HTTPS://a.example/p",
            "https://a.example:443/p", "https://u@a.example/p", "https://a.example/p#f", "https://a.example/./p",
            "https://a.example/../p", "https://a.example/p/..", "https://a.example/.well-known/x",
            "https://a.example/p q", "https://a.example/p\u0001q", "https://a.example/caf\u00e9",
            "https://[::1]/p", "https://a.example/p\\q", "javascript:alert(1)", "//a.example/p", "/rel/p", "rel",
            "?q=1", "mailto:x@a.example", "ftp://a.example/f", "data:image/png;base64,AAAA", " https://a.example/p ",
            // Schemes refused without resolving, and their near misses.
            "JavaScript:alert(1)", "vbscript:msgbox", "data:text/html,<b>x</b>", "about:blank", "file:///etc/passwd",
            "tel:+123", "sms:+123", "url:javascript:alert(1)", "url:https://a.example/p", "java\tscript:alert(1)",
            " javascript:alert(1)", "javascript%3Aalert(1)", "1javascript:x", "java-script:x");
    private static final Safelist RELAXED = Safelist.relaxed().removeTags("colgroup", "col").addAttributes("a", "title")
            .preserveRelativeLinks(false);

    @Test
    void cleansEveryLinkAsJsoupAloneDoes() {
        Safelist fast = new PlainLinkSafelist(RELAXED);
        int plain = 0;
        for (String base : BASES) {
            for (String url : URLS) {
                String html = "<p><a href=\"" + url + "\" title=t>x</a><img src=\"" + url + "\"><q cite=\"" + url
                        + "\">q</q><blockquote cite=\"" + url + "\">b</blockquote></p>";
                assertEquals(clean(html, base, RELAXED), clean(html, base, fast), url + " against " + base);
                plain += PlainLinkSafelist.isPlain(url) ? 1 : 0;
            }
        }
        assertEquals(6 * BASES.size(), plain, "the first six are plain, the near misses are not");
    }

    @Test
    void readsTheSchemeALinkBeginsWith() {
        assertEquals("javascript", PlainLinkSafelist.scheme("JavaScript:alert(1)"));
        assertEquals("a+b.c-d", PlainLinkSafelist.scheme("a+b.c-d:x"));
        assertEquals(null, PlainLinkSafelist.scheme(" javascript:x"));
        assertEquals(null, PlainLinkSafelist.scheme("1a:x"));
        assertEquals(null, PlainLinkSafelist.scheme(":x"));
        assertEquals(null, PlainLinkSafelist.scheme("/a:b"));
        assertEquals(null, PlainLinkSafelist.scheme("plain"));
    }

    /** The claim the shortcut rests on, over made-up URLs: a plain URL resolves to itself against any base. */
    @Test
    void aPlainUrlResolvesToItself() {
        Random random = new Random(42);
        String alphabet = "ab0-._~/?=&%+,;:@!$'()*#A \\[]";
        List<String> plain = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            url.append(random.nextInt(4) == 0 ? "a.b-c" : "news.example.org");
            url.append('/');
            for (int i = random.nextInt(30); i > 0; i--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (PlainLinkSafelist.isPlain(url.toString())) {
                plain.add(url.toString());
            }
        }
        assertTrue(plain.size() > 1000, "enough plain URLs made: " + plain.size());
        for (String url : plain) {
            for (String base : BASES) {
                assertEquals(url, StringUtil.resolve(base == null ? "" : base, url), base);
            }
        }
        assertFalse(PlainLinkSafelist.isPlain("https://a.example/x/.hidden"));
    }

    private static String clean(String html, String base, Safelist safelist) {
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, base == null ? "" : base));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
