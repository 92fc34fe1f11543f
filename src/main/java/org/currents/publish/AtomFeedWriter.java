package org.currents.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;

/**
 * Writes Atom 1.0 with ROME: {@code link rel="related"} (with titles) per related event,
 * {@code rel="via"} for each source article, {@code category} per context (scheme: the
 * context's page, label: its name).
 */
final class AtomFeedWriter {
    private final SiteLinks links;
    private final EntryHtml html;

    AtomFeedWriter(SiteLinks links, EntryHtml html) {
        this.links = links;
        this.html = html;
    }

    byte[] write(FeedMeta meta, List<EventEntry> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(meta.selfUrl());
        feed.setTitle(meta.title());
        Content subtitle = new Content();
        subtitle.setType("text");
        subtitle.setValue(meta.description());
        feed.setSubtitle(subtitle);
        feed.setUpdated(Date.from(meta.updated() != null ? meta.updated() : Instant.EPOCH));
        feed.setAlternateLinks(List.of(RssFeedWriter.link("alternate", meta.pageUrl(), "text/html", null)));
        List<Link> feedLinks = new ArrayList<>();
        links.hubs(meta.selfUrl()).forEach(hub -> feedLinks.add(RssFeedWriter.link("hub", hub, null, null)));
        feedLinks.add(RssFeedWriter.link("self", meta.selfUrl(), "application/atom+xml", null));
        feedLinks.addAll(RssFeedWriter.historyLinks(meta.history(), "application/atom+xml"));
        feed.setOtherLinks(feedLinks);
        feed.setForeignMarkup(RssFeedWriter.archiveMark(meta.history()));
        feed.setAuthors(List.of(person("Currents", links.home())));
        Generator generator = new Generator();
        generator.setValue("Currents");
        feed.setGenerator(generator);
        List<Entry> out = new ArrayList<>();
        for (EventEntry entry : entries) {
            out.add(entry(entry));
        }
        feed.setEntries(out);
        return RomeOutput.write(feed);
    }

    private Entry entry(EventEntry entry) {
        Event e = entry.event();
        Entry a = new Entry();
        a.setId(links.event(e.headlineRef(), PageFormat.HTML));
        a.setTitle(e.headline());
        a.setPublished(Date.from(e.published()));
        a.setUpdated(Date.from(e.updated().isAfter(e.published()) ? e.updated() : e.published()));
        a.setAlternateLinks(List.of(RssFeedWriter.link("alternate", links.event(e.headlineRef(), PageFormat.HTML),
                "text/html", null)));
        List<Link> other = new ArrayList<>();
        for (RelatedEvent r : entry.related()) {
            other.add(RssFeedWriter.link("related", links.event(r.event(), PageFormat.HTML), "text/html",
                    r.event().headline()));
        }
        e.sources().stream().map(EventSource::articleUrl).filter(u -> u != null).distinct()
                .forEach(u -> other.add(RssFeedWriter.link("via", u, null, null)));
        a.setOtherLinks(other);
        List<Category> categories = new ArrayList<>();
        for (Context c : e.contexts()) {
            Category category = new Category();
            category.setTerm(c.slug());
            category.setLabel(c.name());
            category.setScheme(links.home() + "contexts/");
            categories.add(category);
        }
        a.setCategories(categories);
        List<SyndPerson> authors = new ArrayList<>();
        e.sources().stream().map(EventSource::outlet).distinct().forEach(o -> authors.add(person(o, null)));
        a.setAuthors(authors);
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(e.summary().isBlank() ? e.headline() : e.summary());
        a.setSummary(summary);
        Content content = new Content();
        content.setType("html");
        content.setValue(html.of(entry));
        a.setContents(List.of(content));
        return a;
    }

    private static Person person(String name, String uri) {
        Person p = new Person();
        p.setName(name);
        p.setUri(uri);
        return p;
    }
}
