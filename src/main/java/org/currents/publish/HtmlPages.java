package org.currents.publish;

import static org.currents.publish.EntryHtml.attr;
import static org.currents.publish.EntryHtml.text;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextSummary;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;

/** The HTML pages: home, context, day, event and not-found, each advertising its feeds for autodiscovery. */
final class HtmlPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy");
    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}a{color:#0645ad}h5{margin:0;color:#555;text-transform:uppercase}"
            + ".ctx{color:#555;font-size:.9em}img{max-width:100%}nav a{margin-right:1rem}";

    private final SiteLinks links;

    HtmlPages(SiteLinks links) {
        this.links = links;
    }

    byte[] home(List<Event> latest, List<ContextSummary> contexts) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Currents</h1><p>Current events, filed by story and subject. Subscribe to any context's feed, "
                + "or import the <a href=\"").append(attr(links.opml())).append("\">OPML catalogue</a> of all of them.</p>");
        b.append("<p>All events: ").append(feedLinks(links.allEvents(FeedFormat.RSS), links.allEvents(FeedFormat.ATOM),
                links.allEvents(FeedFormat.JSON))).append("</p>");
        b.append("<h2>Latest events</h2>");
        eventList(b, latest);
        b.append("<h2>Contexts</h2><ul>");
        for (ContextSummary c : contexts) {
            String slug = c.context().slug();
            b.append("<li><a href=\"").append(attr(links.contextPage(slug))).append("\">").append(text(c.context().name()))
                    .append("</a> <span class=\"ctx\">").append(c.context().kind().name().toLowerCase()).append(", ")
                    .append(c.eventCount()).append(c.eventCount() == 1 ? " event" : " events").append(" · ")
                    .append(feedLinks(links.contextFeed(slug, FeedFormat.RSS), links.contextFeed(slug, FeedFormat.ATOM),
                            links.contextFeed(slug, FeedFormat.JSON))).append("</span></li>");
        }
        b.append("</ul>");
        return page("Currents", alternates("Currents: all events", links.allEvents(FeedFormat.RSS),
                links.allEvents(FeedFormat.ATOM), links.allEvents(FeedFormat.JSON)), b);
    }

    byte[] context(ContextSummary summary, List<Event> events) {
        Context c = summary.context();
        String slug = c.slug();
        StringBuilder b = new StringBuilder();
        b.append(nav()).append("<h1>").append(text(c.name())).append("</h1><p class=\"ctx\">")
                .append(c.kind().name().toLowerCase()).append(" · ").append(summary.eventCount()).append(" events · ")
                .append(feedLinks(links.contextFeed(slug, FeedFormat.RSS), links.contextFeed(slug, FeedFormat.ATOM),
                        links.contextFeed(slug, FeedFormat.JSON))).append("</p>");
        eventList(b, events);
        return page(c.name() + " – Currents", alternates("Currents: " + c.name(), links.contextFeed(slug, FeedFormat.RSS),
                links.contextFeed(slug, FeedFormat.ATOM), links.contextFeed(slug, FeedFormat.JSON)), b);
    }

    byte[] day(LocalDate day, List<Event> events, Optional<LocalDate> before) {
        StringBuilder b = new StringBuilder();
        b.append(nav()).append("<h1>").append(text(day.format(DAY))).append("</h1>");
        eventList(b, events);
        before.ifPresent(d -> b.append("<p><a rel=\"prev\" href=\"").append(attr(links.day(d))).append("\">← ")
                .append(text(d.format(DAY))).append("</a></p>"));
        return page(day + " – Currents", allAlternates(), b);
    }

    byte[] event(Event e, List<RelatedEvent> related) {
        StringBuilder b = new StringBuilder();
        b.append(nav()).append("<p><a href=\"").append(attr(links.day(e.date()))).append("\">")
                .append(text(e.date().format(DAY))).append("</a></p>");
        e.story().ifPresent(s -> b.append("<h5><a href=\"").append(attr(links.contextPage(s.slug()))).append("\">")
                .append(text(s.name())).append("</a></h5>"));
        b.append("<h1>").append(text(e.headline())).append("</h1>");
        if (e.coverImage() != null) {
            b.append("<p><img src=\"").append(attr(e.coverImage())).append("\" alt=\"Cover image\"></p>");
        }
        b.append(e.contentHtml().isBlank() ? "<p>" + text(e.summary()) + "</p>" : e.contentHtml());
        b.append("<h2>Sources</h2><ul>");
        for (EventSource s : e.sources()) {
            b.append("<li>").append(s.articleUrl() == null ? text(s.outlet())
                    : "<a href=\"" + attr(s.articleUrl()) + "\">" + text(s.outlet()) + "</a>");
            if (s.headline() != null && !s.headline().equals(e.headline())) {
                b.append(": ").append(text(s.headline()));
            }
            if (s.merge() != null) {
                b.append("<br><small class=\"why\">Merged with this event: ").append(text(s.merge().reasons()))
                        .append("</small>");
            }
            b.append("</li>");
        }
        b.append("</ul><h2>Contexts</h2><ul>");
        for (Context c : e.contexts()) {
            b.append("<li><a href=\"").append(attr(links.contextPage(c.slug()))).append("\">").append(text(c.name()))
                    .append("</a></li>");
        }
        b.append("</ul><h2>Related</h2><ul>");
        for (RelatedEvent r : related) {
            b.append("<li><a href=\"").append(attr(links.event(r.event(), PageFormat.HTML))).append("\">")
                    .append(text(r.event().headline())).append("</a> <span class=\"ctx\">(").append(r.event().date())
                    .append(")<br><em>Context: ").append(text(EntryHtml.names(r))).append("</em></span></li>");
        }
        b.append("</ul><p class=\"ctx\">Also as <a href=\"").append(attr(links.event(e.headlineRef(), PageFormat.JSON)))
                .append("\">JSON</a>, <a href=\"").append(attr(links.event(e.headlineRef(), PageFormat.XML)))
                .append("\">XML</a>, <a href=\"").append(attr(links.event(e.headlineRef(), PageFormat.MARKDOWN)))
                .append("\">Markdown</a>.</p>");
        return page(e.headline(), allAlternates(), b);
    }

    byte[] notFound(String what) {
        StringBuilder b = new StringBuilder();
        b.append(nav()).append("<h1>Not found</h1><p>There is nothing at <code>").append(text(what))
                .append("</code>. Try the <a href=\"").append(attr(links.home())).append("\">home page</a>, which lists every "
                        + "context and the latest events.</p>");
        return page("Not found – Currents", "", b);
    }

    private void eventList(StringBuilder b, List<Event> events) {
        if (events.isEmpty()) {
            b.append("<p>No events yet.</p>");
            return;
        }
        b.append("<ul>");
        for (Event e : events) {
            b.append("<li><a href=\"").append(attr(links.event(e.headlineRef(), PageFormat.HTML))).append("\">")
                    .append(text(e.headline())).append("</a> <span class=\"ctx\">").append(e.date());
            e.story().ifPresent(s -> b.append(" · ").append(text(s.name())));
            b.append("</span></li>");
        }
        b.append("</ul>");
    }

    private String nav() {
        return "<nav><a href=\"" + attr(links.home()) + "\">Currents</a><a href=\"" + attr(links.opml()) + "\">OPML</a></nav>";
    }

    private static String feedLinks(String rss, String atom, String json) {
        return "<a href=\"" + attr(rss) + "\">RSS</a> <a href=\"" + attr(atom) + "\">Atom</a> <a href=\"" + attr(json)
                + "\">JSON</a>";
    }

    private String allAlternates() {
        return alternates("Currents: all events", links.allEvents(FeedFormat.RSS), links.allEvents(FeedFormat.ATOM),
                links.allEvents(FeedFormat.JSON));
    }

    private static String alternates(String title, String rss, String atom, String json) {
        String t = attr(title);
        return "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + t + " (RSS)\" href=\"" + attr(rss) + "\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + t + " (Atom)\" href=\"" + attr(atom) + "\">"
                + "<link rel=\"alternate\" type=\"application/feed+json\" title=\"" + t + " (JSON)\" href=\"" + attr(json) + "\">";
    }

    private static byte[] page(String title, String head, StringBuilder body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + text(title) + "</title>"
                + head + "<style>" + STYLE + "</style></head><body>" + body + "<footer class=\"ctx\"><p>Event texts from "
                + "the sources' feeds; Wikipedia Current Events Portal material is CC BY-SA.</p></footer></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
