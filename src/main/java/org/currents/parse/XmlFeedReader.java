package org.currents.parse;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.Reader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads RSS and Atom with ROME. DOCTYPEs stay disallowed (ROME's default), so entity bombs
 * and external entities are refused before anything is expanded; bytes are decoded by
 * {@link FeedText} from the BOM, the XML prolog and the HTTP charset, never the platform's.
 */
final class XmlFeedReader {
    /** False to heal every feed, as ROME does by default: the tests compare the two readings. */
    private final boolean healOnlyWhenNeeded;

    XmlFeedReader() {
        this(true);
    }

    XmlFeedReader(boolean healOnlyWhenNeeded) {
        this.healOnlyWhenNeeded = healOnlyWhenNeeded;
    }

    ParsedFeed read(byte[] body, String contentType, String url) throws FeedParseException {
        FeedText text = FeedText.of(body, contentType);
        SyndFeed feed;
        try {
            feed = build(text.reader(), !healOnlyWhenNeeded || text.needsHealing(), url);
        } catch (FeedParseException first) {
            // One safe repair: stray '&'s, the commonest hand-made breakage. DOCTYPEs stay refused.
            String decoded = text.decoded();
            String repaired = FeedText.escapeStrayAmpersands(decoded);
            if (repaired.equals(decoded)) {
                throw first;
            }
            try {
                feed = build(new StringReader(repaired), !healOnlyWhenNeeded || XmlHealing.needed(repaired), url);
            } catch (FeedParseException second) {
                throw first;
            }
        }
        WireFeed wire = feed.originalWireFeed();
        String feedBase = wire instanceof Feed atom && atom.getXmlBase() != null ? atom.getXmlBase() : url;
        List<ParsedItem> items = new ArrayList<>();
        boolean atomFeed = !(wire instanceof com.rometools.rome.feed.rss.Channel);
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, feedBase, atomFeed));
        }
        return new ParsedFeed(feed.getFeedType(), feed.getTitle(), feed.getLink(), feed.getDescription(),
                feed.getLanguage(), hints(feed, wire), items, push(feed));
    }

    /** Atom's feed-level links; RSS carries them as {@code atom:link}, which ROME leaves to the Atom link module. */
    private static PushLinks push(SyndFeed feed) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        List<Link> links = new ArrayList<>();
        for (SyndLink l : feed.getLinks()) {
            Link link = new Link();
            link.setRel(l.getRel());
            link.setHref(l.getHref());
            links.add(link);
        }
        if (feed.getModule(AtomLinkModule.URI) instanceof AtomLinkModule atom) {
            links.addAll(atom.getLinks());
        }
        for (Link link : links) {
            String rel = link.getRel() == null ? "" : link.getRel().strip().toLowerCase(Locale.ROOT);
            if (rel.equals("hub")) {
                hubs.add(link.getHref());
            } else if (rel.equals("self") && self == null) {
                self = link.getHref();
            }
        }
        return new PushLinks(hubs, self);
    }

    /** ROME over a Reader, so its healer can repair undeclared HTML entities such as {@code &nbsp;}. */
    private static SyndFeed build(Reader text, boolean heal, String url) throws FeedParseException {
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false);
            input.setPreserveWireFeed(true);
            input.setXmlHealerOn(heal);
            return input.build(text);
        } catch (ParsingFeedException e) {
            if (root(e) instanceof RuntimeException r) {
                // Well-formed, but ROME's parser tripped over what it takes for granted (an <rss> without a <channel>).
                throw new FeedParseException(url, "not a feed we can read: an element the format requires is missing ("
                        + r.getClass().getSimpleName() + " in ROME)", -1, -1, e);
            }
            throw new FeedParseException(url, "not a well-formed feed: " + cause(e), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(url, "not a feed we can read: " + cause(e), -1, -1, e);
        }
    }

    private static ParsedItem item(SyndEntry entry, String feedBase, boolean atomFeed) {
        String base = entry.getWireEntry() instanceof Entry atom && atom.getXmlBase() != null ? atom.getXmlBase() : feedBase;
        String content = entry.getContents().isEmpty() ? null : html(entry.getContents().get(0), atomFeed);
        List<ParsedCategory> categories = new ArrayList<>();
        for (SyndCategory c : entry.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) {
                categories.add(new ParsedCategory(c.getName().strip(), c.getLabel(), c.getTaxonomyUri()));
            }
        }
        // ROME keeps dc:subject (RSS 1.0's categories) in the Dublin Core module only.
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                String name = subject.getValue() == null ? "" : subject.getValue().strip();
                if (!name.isEmpty() && categories.stream().noneMatch(c -> c.term().equals(name))) {
                    categories.add(new ParsedCategory(name, null, subject.getTaxonomyUri()));
                }
            }
        }
        return new ParsedItem(entry.getUri(), entry.getTitle(), entry.getLink(), base, content, html(entry.getDescription(), atomFeed),
                instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()), entry.getAuthor(), categories,
                media(entry));
    }

    private static List<ParsedMedia> media(SyndEntry entry) {
        List<ParsedMedia> out = new ArrayList<>();
        if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule m) {
            for (MediaContent c : m.getMediaContents()) {
                content(c, out);
            }
            for (MediaGroup g : m.getMediaGroups()) {
                for (MediaContent c : g.getContents()) {
                    content(c, out);
                }
                thumbnails(g.getMetadata(), out);
            }
            thumbnails(m.getMetadata(), out);
        }
        for (SyndEnclosure e : entry.getEnclosures()) {
            if (e.getUrl() != null) {
                out.add(new ParsedMedia(e.getUrl(), e.getType(), null, false));
            }
        }
        return out;
    }

    private static void content(MediaContent c, List<ParsedMedia> out) {
        if (c.getReference() != null) {
            out.add(new ParsedMedia(c.getReference().toString(), c.getType(), c.getMedium(), false));
        }
        thumbnails(c.getMetadata(), out);
    }

    private static void thumbnails(Metadata metadata, List<ParsedMedia> out) {
        if (metadata == null) {
            return;
        }
        for (Thumbnail t : metadata.getThumbnail()) {
            if (t.getUrl() != null) {
                out.add(new ParsedMedia(t.getUrl().toString(), null, "image", true));
            }
        }
    }

    private static FeedHints hints(SyndFeed feed, WireFeed wire) {
        Duration ttl = null;
        Set<Integer> skipHours = new HashSet<>();
        Set<DayOfWeek> skipDays = new HashSet<>();
        if (wire instanceof Channel channel) {
            ttl = channel.getTtl() > 0 ? Duration.ofMinutes(channel.getTtl()) : null;
            channel.getSkipHours().stream().filter(h -> h != null && h >= 0 && h <= 23).forEach(skipHours::add);
            for (String day : channel.getSkipDays()) {
                try {
                    skipDays.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ignored) {
                    // an unknown day name is a hint we cannot use, not a broken feed
                }
            }
        }
        Duration period = null;
        if (feed.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
            Duration unit = switch (sy.getUpdatePeriod().strip().toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            int frequency = Math.max(sy.getUpdateFrequency(), 1);
            period = unit == null ? null : unit.dividedBy(frequency);
        }
        return new FeedHints(ttl, period, skipHours, skipDays);
    }

    /**
     * The content as HTML. Atom says which it is, and "text" is escaped; ROME calls every RSS 0.9x
     * and 1.0 description "text/plain", but feeds of every RSS version put (entity-escaped) HTML
     * there, and readers take it as HTML, so RSS text is kept as HTML and sanitized like it.
     */
    private static String html(SyndContent content, boolean atomFeed) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean text = type.equals("text") || type.equals("text/plain");
        return text && atomFeed ? Html.escapeText(content.getValue()) : content.getValue();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static Throwable root(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String cause(Exception e) {
        Throwable t = root(e);
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
