package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.util.List;
import java.util.Optional;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.publish.FeedFormat;
import org.currents.publish.SiteLinks;

/**
 * The catalogue of contexts by kind, each with its count and feeds, filtered by a form that works
 * without JavaScript ({@code ?kind=story&q=war}).
 */
public final class ContextsPage {
    private final Layout layout;

    public ContextsPage(Layout layout) {
        this.layout = layout;
    }

    /** {@code contexts} are already filtered by {@code kind} and {@code filter}, in the order to show. */
    public byte[] write(List<ContextSummary> contexts, Optional<ContextKind> kind, String filter, Subscribe all) {
        SiteLinks links = layout.links();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<h1>Contexts</h1><p>Every story, subject and category Currents files events under, with its feeds. "
                + "The <a href=\"").append(attr(links.opml())).append("\">OPML catalogue</a> holds them all for a feed reader.</p>");
        b.append("<form class=\"filter\" method=\"get\" action=\"").append(attr(links.contexts()))
                .append("\"><span class=\"field\"><label for=\"cq\">Name contains</label><input id=\"cq\" name=\"q\" "
                        + "type=\"search\" maxlength=\"100\" value=\"").append(attr(filter))
                .append("\"></span><span class=\"field\"><label for=\"ck\">Kind</label><select id=\"ck\" name=\"kind\">"
                        + "<option value=\"\">All kinds</option>");
        for (ContextKind k : ContextKind.values()) {
            b.append("<option value=\"").append(KindLabel.param(k)).append('"')
                    .append(kind.isPresent() && kind.get() == k ? " selected" : "").append('>')
                    .append(KindLabel.many(k)).append("</option>");
        }
        b.append("</select></span><button type=\"submit\">Filter</button></form>");
        if (contexts.isEmpty()) {
            b.append("<p role=\"status\">No context matches.</p>");
        }
        for (ContextKind k : ContextKind.values()) {
            List<ContextSummary> ofKind = contexts.stream().filter(c -> c.context().kind() == k).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            b.append("<section><h2>").append(KindLabel.many(k)).append(" <span class=\"meta\">").append(ofKind.size())
                    .append("</span></h2><ul class=\"contexts\">");
            for (ContextSummary c : ofKind) {
                String slug = c.context().slug();
                b.append("<li><a href=\"").append(attr(links.contextPage(slug))).append("\">").append(text(c.context().name()))
                        .append("</a> <span class=\"meta\">").append(Html.count(c.eventCount(), "event", "events"))
                        .append(" · <a href=\"").append(attr(links.contextFeed(slug, FeedFormat.RSS))).append("\">RSS</a> <a href=\"")
                        .append(attr(links.contextFeed(slug, FeedFormat.ATOM))).append("\">Atom</a> <a href=\"")
                        .append(attr(links.contextFeed(slug, FeedFormat.JSON))).append("\">JSON</a></span></li>");
            }
            b.append("</ul></section>");
        }
        return layout.page("Contexts – Currents", all, b.toString());
    }
}
