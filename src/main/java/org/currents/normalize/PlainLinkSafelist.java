package org.currents.normalize;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Links in a scheme the attribute refuses ({@code javascript:}, {@code data:}, ...) are refused
 * without resolving them too: the JDK knows no handler for most of those schemes, and looks for
 * one among the class path's service providers on every such link.
 */
final class PlainLinkSafelist extends Safelist {
    /** Tag and URL attribute pairs of HTML that a safelist may allow. */
    private static final List<String> URL_ATTRIBUTES = List.of("a href", "img src", "blockquote cite", "q cite",
            "cite cite", "del cite", "ins cite", "area href", "img longdesc");
    /** Made-up plain URLs: a pair that takes all of them takes every plain URL (see {@link #allowing}). */
    private static final List<String> PROBES = List.of("http://probe.example/a", "http://probe.example/b?c=d",
            "https://probe.example/a", "https://probe.example/b?c=d");

    /** Schemes feeds put in links that a safelist may refuse (see {@link #refusing}). */
    private static final List<String> SCHEMES = List.of("javascript", "vbscript", "data", "about", "file", "tel", "sms");

    /** "tag attribute" pairs that take every plain http(s) URL as it is. */
    private final Set<String> plainLinks;
    /** "tag attribute scheme" triples that refuse every URL in that scheme. */
    private final Set<String> refusedSchemes;

    PlainLinkSafelist(Safelist base) {
        super(base);
        this.plainLinks = allowing(base);
        this.refusedSchemes = refusing(base);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
        String value = attr.getValue();
        if (isPlain(value) && plainLinks.contains(tagName + " " + attr.getKey())) {
            return true;
        }
        String scheme = scheme(value);
        if (scheme != null && refusedSchemes.contains(tagName + " " + attr.getKey() + " " + scheme)) {
            return false;
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
     * The triples of {@link #SCHEMES} that {@code base} itself refuses with two probes each. jsoup
     * tests a URL attribute by the protocol its resolved value begins with. A value in one of these
     * schemes either resolves to a value in the same scheme ({@code java.net.URL} keeps an absolute
     * URL's scheme; it skips only a {@code url:} prefix, which is not among them) or does not
     * resolve and is tested as written. So a pair that refuses the probes refuses every URL in the
     * scheme; asked rather than assumed, as for plain links.
     */
    private static Set<String> refusing(Safelist base) {
        Safelist plain = new Safelist(base);
        Set<String> out = new HashSet<>();
        for (String pair : URL_ATTRIBUTES) {
            String[] tagAndKey = pair.split(" ");
            for (String scheme : SCHEMES) {
                boolean none = true;
                for (String url : List.of(scheme + ":probe", scheme.toUpperCase(Locale.ROOT) + "://probe.example/a?b")) {
                    Element el = new Element(tagAndKey[0]).attr(tagAndKey[1], url);
                    none &= !plain.isSafeAttribute(tagAndKey[0], el, el.attributes().asList().get(0));
                }
                if (none) {
                    out.add(pair + " " + scheme);
                }
            }
        }
        return Set.copyOf(out);
    }

    /** The scheme {@code url} begins with, lower-cased ({@code [a-zA-Z][a-zA-Z0-9+.-]*:}), or null. */
    static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon < 1 || !isAsciiLetter(url.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return null;
            }
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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
