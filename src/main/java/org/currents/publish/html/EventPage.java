package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.event.Words;
import org.currents.publish.PageFormat;
import org.currents.publish.SiteLinks;

/**
 * An event as the portal shows it, tidied: date and story, headline, the summary only when it
 * says more than the headline, one list of sources (outlet, article, and why a report was merged
 * in), contexts by kind, related events with the context relating each, the other formats.
 */
public final class EventPage {
    private final Layout layout;

    public EventPage(Layout layout) {
        this.layout = layout;
    }

    public byte[] write(Event e, List<RelatedEvent> related, Subscribe feeds) {
        return write(e, related, feeds, Optional.empty());
    }

    /** With the cover, when Currents has it ready; a missing or refused one shows nothing. */
    public byte[] write(Event e, List<RelatedEvent> related, Subscribe feeds, Optional<Cover> cover) {
        SiteLinks links = layout.links();
        StringBuilder b = new StringBuilder(8 * 1024);
        b.append("<article class=\"event\"><p class=\"kicker\"><a href=\"").append(attr(links.day(e.date()))).append("\">")
                .append(Html.time(e.date(), Html.LONG_DAY)).append("</a>");
        e.story().ifPresent(s -> b.append(" · <a href=\"").append(attr(links.contextPage(s.slug()))).append("\">")
                .append(text(s.name())).append("</a>"));
        b.append("</p><h1>").append(text(e.headline())).append("</h1>");
        cover.ifPresent(c -> {
            StringBuilder srcset = new StringBuilder();
            for (int i = 0; i < c.urls().size(); i++) {
                srcset.append(i == 0 ? "" : ", ").append(c.urls().get(i)).append(' ').append(c.widths().get(i)).append('w');
            }
            b.append("<figure class=\"cover\"><img src=\"").append(attr(c.urls().get(0))).append("\" srcset=\"")
                    .append(attr(srcset.toString())).append("\" sizes=\"(min-width: 48rem) 46rem, 100vw\" alt=\"")
                    .append(attr(e.headline())).append("\" loading=\"lazy\" decoding=\"async\"></figure>");
        });
        if (saysMore(e.summary(), e.headline())) {
            b.append("<p class=\"summary\">").append(text(e.summary())).append("</p>");
        }
        sources(b, e);
        contexts(b, e, links);
        related(b, related, links);
        b.append("<section aria-labelledby=\"formats-h\"><h2 id=\"formats-h\">Other formats</h2><p>This event as <a href=\"")
                .append(attr(links.event(e.headlineRef(), PageFormat.JSON))).append("\">JSON</a>, <a href=\"")
                .append(attr(links.event(e.headlineRef(), PageFormat.XML))).append("\">XML</a> or <a href=\"")
                .append(attr(links.event(e.headlineRef(), PageFormat.MARKDOWN))).append("\">Markdown</a>.</p></section>")
                .append("</article>");
        return layout.page(e.headline() + " – Currents", feeds, b.toString());
    }

    /** Whether a summary adds anything: not when its words are all in the headline. */
    static boolean saysMore(String summary, String headline) {
        if (summary == null || summary.isBlank()) {
            return false;
        }
        var own = Words.of(headline.toLowerCase(Locale.ROOT));
        return Words.of(summary.toLowerCase(Locale.ROOT)).stream().anyMatch(w -> !own.contains(w));
    }

    private static void sources(StringBuilder b, Event e) {
        List<Outlet> outlets = Outlet.of(e);
        if (outlets.isEmpty()) {
            return;
        }
        b.append("<section aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">Sources</h2><ul class=\"sources\">");
        for (Outlet o : outlets) {
            b.append("<li>").append(o.url() == null ? "<b>" + text(o.name()) + "</b>" : Html.link(o.url(), o.name()));
            if (o.via() != null) {
                b.append(" <span class=\"meta\">via ").append(text(o.via())).append("</span>");
            }
            if (o.source().headline() != null && !o.source().headline().equals(e.headline())) {
                b.append("<br><q>").append(text(o.source().headline())).append("</q>");
            }
            if (o.source().merge() != null) {
                b.append("<p class=\"why\">Merged into this event: ").append(text(o.source().merge().reasons()))
                        .append(String.format(Locale.ROOT, " (score %.2f)", o.source().merge().score())).append("</p>");
            }
            b.append("</li>");
        }
        b.append("</ul></section>");
    }

    private static void contexts(StringBuilder b, Event e, SiteLinks links) {
        if (e.contexts().isEmpty()) {
            return;
        }
        b.append("<section aria-labelledby=\"filed-h\"><h2 id=\"filed-h\">Filed under</h2><dl class=\"filed\">");
        for (ContextKind k : ContextKind.values()) {
            List<Context> ofKind = e.contexts().stream().filter(c -> c.kind() == k).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            b.append("<dt>").append(ofKind.size() == 1 ? KindLabel.one(k) : KindLabel.many(k)).append("</dt><dd>");
            for (int i = 0; i < ofKind.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(Html.link(links.contextPage(ofKind.get(i).slug()), ofKind.get(i).name()));
            }
            b.append("</dd>");
        }
        b.append("</dl></section>");
    }

    private static void related(StringBuilder b, List<RelatedEvent> related, SiteLinks links) {
        if (related.isEmpty()) {
            return;
        }
        b.append("<section aria-labelledby=\"related-h\"><h2 id=\"related-h\">Related events</h2><ul class=\"related\">");
        for (RelatedEvent r : related) {
            b.append("<li>").append(Html.link(links.event(r.event(), PageFormat.HTML), r.event().headline()))
                    .append(" <span class=\"meta\">").append(Html.time(r.event().date(), Html.SHORT_DAY))
                    .append(" · through ");
            if (r.via().isEmpty()) {
                b.append(text(r.reason()));
            }
            for (int i = 0; i < r.via().size(); i++) {
                Context c = r.via().get(i);
                b.append(i == 0 ? "" : ", ").append(Html.link(links.contextPage(c.slug()), c.name()));
            }
            b.append("</span></li>");
        }
        b.append("</ul></section>");
    }
}
