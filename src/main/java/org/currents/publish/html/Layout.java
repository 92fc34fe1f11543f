package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.nio.charset.StandardCharsets;
import org.currents.publish.SiteLinks;

/**
 * The frame every page shares: head (stylesheet, feeds for autodiscovery), a skip link, the site
 * header with navigation and search, the main landmark, the footer. No inline style or script, so
 * the strict Content-Security-Policy holds.
 */
public final class Layout {
    private final SiteLinks links;

    public Layout(SiteLinks links) {
        this.links = links;
    }

    SiteLinks links() {
        return links;
    }

    /** A whole page; {@code feeds} go into the head as alternates (the block itself is part of {@code main}). */
    byte[] page(String title, Subscribe feeds, String main) {
        StringBuilder h = new StringBuilder(main.length() + 2048);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\"><title>").append(text(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(attr(links.asset("currents.css"))).append("\">")
                .append("<script src=\"").append(attr(links.asset("copy.js"))).append("\" defer></script>");
        if (feeds != null) {
            h.append(feeds.alternates());
        }
        h.append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
                .append("<header class=\"top\"><div class=\"bar\"><a class=\"brand\" href=\"").append(attr(links.home()))
                .append("\">Currents</a><nav aria-label=\"Site\"><ul><li><a href=\"").append(attr(links.days()))
                .append("\">Days</a></li><li><a href=\"").append(attr(links.contexts())).append("\">Contexts</a></li>")
                .append("<li><a href=\"").append(attr(links.opml())).append("\">OPML</a></li></ul></nav>")
                .append("<form class=\"find\" role=\"search\" method=\"get\" action=\"").append(attr(links.searchPage()))
                .append("\"><label class=\"vh\" for=\"site-q\">Search events</label><input id=\"site-q\" name=\"q\" "
                        + "type=\"search\" maxlength=\"200\" placeholder=\"Search events\"><button type=\"submit\">Search"
                        + "</button></form></div></header><main id=\"main\">")
                .append(main).append("</main><footer class=\"foot\"><p>Currents files the news by story and subject. "
                        + "Event texts come from the sources' feeds; Wikipedia Current Events Portal material is "
                        + "CC BY-SA.</p></footer></body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }
}
