package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.util.Objects;

/** The feeds a page offers: advertised in its head for autodiscovery and listed in a subscribe block. */
public record Subscribe(String title, String rss, String atom, String json) {
    public Subscribe {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rss, "rss");
        Objects.requireNonNull(atom, "atom");
        Objects.requireNonNull(json, "json");
    }

    String alternates() {
        String t = attr(title);
        return "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + t + " (RSS)\" href=\"" + attr(rss) + "\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + t + " (Atom)\" href=\"" + attr(atom)
                + "\"><link rel=\"alternate\" type=\"application/feed+json\" title=\"" + t + " (JSON Feed)\" href=\""
                + attr(json) + "\">";
    }

    /** The block: each feed's link and, where the small script runs, a button copying its address. */
    String block() {
        return "<aside class=\"subscribe\" aria-labelledby=\"subscribe-h\"><h2 id=\"subscribe-h\">Subscribe</h2>"
                + "<p>Follow <b>" + text(title) + "</b> in any feed reader:</p><ul>"
                + item("RSS", rss) + item("Atom", atom) + item("JSON Feed", json) + "</ul></aside>";
    }

    private static String item(String name, String href) {
        return "<li><a class=\"feed\" href=\"" + attr(href) + "\">" + name + "</a> <button type=\"button\" class=\"copy\" "
                + "data-copy=\"" + attr(href) + "\" hidden>Copy " + name + " link</button></li>";
    }
}
