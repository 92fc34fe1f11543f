package org.currents.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans feed HTML by allowlist: text structure, links and images survive; scripts, styles,
 * frames, forms, event handlers and {@code javascript:} URLs do not. Relative URLs are made
 * absolute against the item's base, and tracking pixels are dropped. Each fragment is parsed
 * once: parsing is the largest cost of normalizing an item.
 */
final class HtmlSanitizer {
    private final Safelist safelist = new PlainLinkSafelist(Safelist.relaxed()
            .removeTags("colgroup", "col")
            .addAttributes("a", "title")
            .preserveRelativeLinks(false));

    /**
     * Sanitized HTML of {@code html}, with relative links resolved against {@code baseUri}, and the
     * plain text of the original if {@code withText} (else the text is empty): reading the text is a
     * walk over all of it, wasted when an item's summary comes from another field.
     */
    SanitizedHtml sanitize(String html, String baseUri, boolean withText) {
        if (html == null || html.isBlank()) {
            return SanitizedHtml.EMPTY;
        }
        Document dirty = Jsoup.parseBodyFragment(xmlSafe(html), baseUri == null ? "" : baseUri);
        String text = withText ? dirty.text().strip() : "";
        // By tag, not by CSS query: a query is parsed anew on every call.
        for (Element img : dirty.getElementsByTag("img")) {
            if (isPixel(img)) {
                img.remove();
            }
        }
        Document clean = new Cleaner(safelist).clean(dirty);
        List<String> links = new ArrayList<>();
        List<String> images = new ArrayList<>();
        // One walk for links and images, each list in document order.
        for (Element e : clean.getAllElements()) {
            if (e.nameIs("a") && e.hasAttr("href")) {
                links.add(e.attr("href"));
                e.attr("rel", "nofollow noopener");
            } else if (e.nameIs("img") && e.hasAttr("src")) {
                images.add(e.attr("src"));
            }
        }
        clean.outputSettings().prettyPrint(false);
        return new SanitizedHtml(clean.body().html().strip(), text, links, images);
    }

    /** The plain text of {@code html}, whitespace collapsed. */
    String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String safe = xmlSafe(html);
        if (safe.indexOf('<') < 0 && safe.indexOf('&') < 0) {
            return collapseWhitespace(safe);
        }
        return Jsoup.parseBodyFragment(safe).text().strip();
    }

    /**
     * {@code s} with the control characters XML 1.0 forbids turned into spaces: JSON Feed and
     * character references can carry them, and one would make every published XML feed invalid.
     */
    static String xmlSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean forbidden = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
            if (forbidden && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(forbidden ? ' ' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** What jsoup's {@code text()} makes of markup-free input: runs of HTML whitespace as one space, trimmed. */
    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isPixel(Element img) {
        return isPixelSize(img.attr("width").strip()) || isPixelSize(img.attr("height").strip());
    }

    /** "0", "1", "0px" or "1px". */
    private static boolean isPixelSize(String size) {
        return (size.length() == 1 || size.length() == 3 && size.endsWith("px"))
                && (size.charAt(0) == '0' || size.charAt(0) == '1');
    }

    /** Sanitized markup, the plain text of the original (if asked for), and the links and image sources that survived. */
    record SanitizedHtml(String html, String text, List<String> links, List<String> images) {
        static final SanitizedHtml EMPTY = new SanitizedHtml("", "", List.of(), List.of());

        SanitizedHtml {
            links = List.copyOf(links);
            images = List.copyOf(images);
        }
    }
}
