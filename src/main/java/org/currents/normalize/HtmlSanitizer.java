package org.currents.normalize;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans feed HTML by allowlist: text structure, links and images survive; scripts, styles,
 * frames, forms, event handlers and {@code javascript:} URLs do not. Relative URLs are made
 * absolute against the item's base, and tracking pixels are dropped.
 */
final class HtmlSanitizer {
    private final Safelist safelist = Safelist.relaxed()
            .removeTags("colgroup", "col")
            .addAttributes("a", "title")
            .preserveRelativeLinks(false);

    /** Sanitized HTML of {@code html}, with relative links resolved against {@code baseUri}. */
    String clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        for (Element img : dirty.select("img")) {
            if (isPixel(img)) {
                img.remove();
            }
        }
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element a : clean.select("a[href]")) {
            a.attr("rel", "nofollow noopener");
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /** The plain text of {@code html}, whitespace collapsed. */
    String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).text().strip();
    }

    static boolean isPixel(Element img) {
        return img.attr("width").strip().matches("[01](px)?") || img.attr("height").strip().matches("[01](px)?");
    }
}
