package org.currents.publish;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes RSS 2.0 with ROME: one item per event, {@code category} per context, {@code source}
 * for the first outlet, {@code atom:link rel="related"} per related event and a Related list
 * in the description, as the portal prints it.
 */
final class RssFeedWriter {
    private final SiteLinks links;
    private final EntryHtml html;

    RssFeedWriter(SiteLinks links, EntryHtml html) {
        this.links = links;
        this.html = html;
    }

    byte[] write(FeedMeta meta, List<EventEntry> entries) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(meta.title());
        channel.setLink(meta.pageUrl());
        channel.setDescription(meta.description());
        channel.setLanguage("en");
        channel.setGenerator("Currents");
        channel.setDocs("https://www.rssboard.org/rss-specification");
        channel.setTtl(15);
        if (meta.updated() != null) {
            channel.setLastBuildDate(Date.from(meta.updated()));
            channel.setPubDate(Date.from(meta.updated()));
        }
        List<Link> channelLinks = new ArrayList<>();
        links.hubs(meta.selfUrl()).forEach(hub -> channelLinks.add(link("hub", hub, null, null)));
        channelLinks.add(link("self", meta.selfUrl(), "application/rss+xml", null));
        channelLinks.addAll(historyLinks(meta.history(), "application/rss+xml"));
        channel.setModules(List.of(atomLinks(channelLinks)));
        channel.setForeignMarkup(archiveMark(meta.history()));
        List<Item> items = new ArrayList<>();
        for (EventEntry entry : entries) {
            items.add(item(entry));
        }
        channel.setItems(items);
        return RomeOutput.write(channel);
    }

    private Item item(EventEntry entry) {
        Event e = entry.event();
        String page = links.event(e.headlineRef(), PageFormat.HTML);
        Item item = new Item();
        item.setTitle(e.headline());
        item.setLink(page);
        Guid guid = new Guid();
        guid.setValue(page);
        guid.setPermaLink(true);
        item.setGuid(guid);
        item.setPubDate(Date.from(e.published()));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(html.of(entry));
        item.setDescription(description);
        List<Category> categories = new ArrayList<>();
        for (Context c : e.contexts()) {
            Category category = new Category();
            category.setValue(c.name());
            category.setDomain(links.contextPage(c.slug()));
            categories.add(category);
        }
        item.setCategories(categories);
        // <source> names the outlet's feed; a local sample file has no public URL to name.
        e.sources().stream().filter(s -> s.feedUrl().startsWith("http")).findFirst().ifPresent(first -> {
            Source source = new Source();
            source.setUrl(first.feedUrl());
            source.setValue(first.outlet());
            item.setSource(source);
        });
        List<Link> atomLinks = new ArrayList<>();
        for (RelatedEvent r : entry.related()) {
            atomLinks.add(link("related", links.event(r.event(), PageFormat.HTML), "text/html", r.event().headline()));
        }
        List<Module> modules = new ArrayList<>();
        if (!atomLinks.isEmpty()) {
            modules.add(atomLinks(atomLinks));
        }
        DCModule dc = new DCModuleImpl();
        dc.setCreators(e.sources().stream().map(EventSource::outlet).distinct().toList());
        modules.add(dc);
        item.setModules(modules);
        return item;
    }

    private static AtomLinkModule atomLinks(List<Link> list) {
        AtomLinkModule module = new AtomLinkModuleImpl();
        module.setLinks(list);
        return module;
    }

    /** RFC 5005's links of a feed into its history, in the feed's own media type. */
    static List<Link> historyLinks(ArchiveLinks history, String type) {
        List<Link> out = new ArrayList<>();
        if (history.current() != null) {
            out.add(link("current", history.current(), type, null));
        }
        if (history.prevArchive() != null) {
            out.add(link("prev-archive", history.prevArchive(), type, null));
        }
        if (history.nextArchive() != null) {
            out.add(link("next-archive", history.nextArchive(), type, null));
        }
        return out;
    }

    /** {@code <fh:archive/>} for an archive document, nothing for a current feed. */
    static List<Element> archiveMark(ArchiveLinks history) {
        return history.archive() ? List.of(new Element("archive", Namespace.getNamespace("fh", ArchiveLinks.FH_NAMESPACE)))
                : List.of();
    }

    static Link link(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setTitle(title);
        return link;
    }
}
