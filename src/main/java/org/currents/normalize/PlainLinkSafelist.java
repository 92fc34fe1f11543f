package org.currents.normalize;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * A safelist that accepts a plain absolute http(s) URL in a link or image attribute without
 * resolving it. jsoup resolves every such value against the base URI to test its protocol (two
 * regular-expression passes over the text and two {@code java.net.URL} parses: a fifth of
 * normalizing an item), and for a URL of this plain form the resolution returns the value
 * unchanged, so the answer and the attribute are what jsoup would make of it. Anything else
 * (relative, other schemes, ports, user info, fragments, dot segments, unusual characters) goes
 * through jsoup's own test.
 */
final class PlainLinkSafelist extends Safelist {
    /** Tag and URL attribute pairs of HTML that a safelist may allow. */
    private static final List<String> URL_ATTRIBUTES = List.of("a href", "img src", "blockquote cite", "q cite",
            "cite cite", "del cite", "ins cite", "area href", "img longdesc");
    /** Made-up plain URLs: a pair that takes all of them takes every plain URL (see {@link #allowing}). */
    private static final List<String> PROBES = List.of("http://probe.example/a", "http://probe.example/b?c=d",
            "https://probe.example/a", "https://probe.example/b?c=d");

    /** "tag attribute" pairs that take every plain http(s) URL as it is. */
    private final Set<String> plainLinks;

    PlainLinkSafelist(Safelist base) {
        super(base);
        this.plainLinks = allowing(base);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
        if (isPlain(attr.getValue()) && plainLinks.contains(tagName + " " + attr.getKey())) {
            return true;
        }
        return super.isSafeAttribute(tagName, el, attr);
    }

    /**
     * The pairs that {@code base} itself allows with each probe, leaving the value as it was. jsoup
     * decides a URL attribute by the protocol its resolved value begins with (or allows it whatever
     * it holds), and a plain URL resolves to itself, so a pair that allows these allows every plain
     * URL; asked here rather than assumed, so a change of the safelist or of jsoup cannot widen it.
     */
    private static Set<String> allowing(Safelist base) {
        Safelist plain = new Safelist(base);
        Set<String> out = new HashSet<>();
        for (String pair : URL_ATTRIBUTES) {
            String[] tagAndKey = pair.split(" ");
            boolean all = true;
            for (String url : PROBES) {
                Element el = new Element(tagAndKey[0]).attr(tagAndKey[1], url);
                Attribute attr = el.attributes().asList().get(0);
                all &= plain.isSafeAttribute(tagAndKey[0], el, attr) && url.equals(el.attr(tagAndKey[1]));
            }
            if (all) {
                out.add(pair);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * {@code http://} or {@code https://}, a host of lower-case letters, digits, dots and hyphens,
     * then a path of unreserved and sub-delimiter characters (query included) with no segment
     * beginning with a dot: what {@code java.net.URL} parses and prints back as it was.
     */
    static boolean isPlain(String url) {
        int start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return false;
        }
        int i = start;
        while (i < url.length() && isHostChar(url.charAt(i))) {
            i++;
        }
        if (i == start || i == url.length() || url.charAt(i) != '/') {
            return false;
        }
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (!isPathChar(c) || c == '.' && url.charAt(i - 1) == '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean isPathChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/?=&%+,;:@!$'()*".indexOf(c) >= 0;
    }
}
