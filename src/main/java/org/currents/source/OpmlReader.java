package org.currents.source;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the sources of an OPML 1.0/2.0 subscription list. Outlines with an {@code xmlUrl} are
 * feeds; the text of the outlines they sit under becomes their contexts. The document is
 * untrusted: DOCTYPEs are refused (no entities, no external fetches), and nesting depth,
 * outline count and URL length are bounded.
 */
public final class OpmlReader {
    public static final int MAX_DEPTH = 32;
    public static final int MAX_OUTLINES = 50_000;
    private static final int MAX_TEXT = 200;

    public OpmlImport read(byte[] document) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            return read(xml);
        } catch (XMLStreamException e) {
            String where = e.getLocation() != null
                    ? " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() : "";
            throw new OpmlException("not well-formed OPML" + where + ": " + firstLine(e.getMessage()), e);
        } finally {
            close(xml);
        }
    }

    private OpmlImport read(XMLStreamReader xml) throws XMLStreamException {
        Map<String, SourceSpec> sources = new LinkedHashMap<>();
        List<OpmlImport.Skipped> skipped = new ArrayList<>();
        Deque<String> groups = new ArrayDeque<>();
        Deque<Boolean> isGroup = new ArrayDeque<>();
        Deque<int[]> feedsUnder = new ArrayDeque<>();
        boolean sawRoot = false;
        boolean sawBody = false;
        int outlines = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OpmlException("OPML with a DOCTYPE is refused (entities are not allowed)", null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (!sawRoot) {
                    if (!"opml".equals(name)) {
                        throw new OpmlException("not OPML: the root element is <" + name + ">, not <opml>", null);
                    }
                    sawRoot = true;
                } else if ("body".equals(name)) {
                    sawBody = true;
                } else if ("outline".equals(name)) {
                    if (++outlines > MAX_OUTLINES) {
                        throw new OpmlException("more than " + MAX_OUTLINES + " outlines", null);
                    }
                    if (isGroup.size() >= MAX_DEPTH) {
                        throw new OpmlException("outlines nested deeper than " + MAX_DEPTH
                                + " at line " + xml.getLocation().getLineNumber(), null);
                    }
                    String text = clean(attr(xml, "text"), attr(xml, "title"));
                    String feedUrl = attr(xml, "xmlUrl");
                    feedsUnder.addLast(new int[] {feedUrl == null ? 0 : 1});
                    if (feedUrl == null) {
                        boolean group = !text.isEmpty();
                        if (group) {
                            groups.addLast(text);
                        }
                        isGroup.addLast(group);
                    } else {
                        isGroup.addLast(false);
                        addFeed(xml, text, feedUrl.strip(), withCategories(groups, attr(xml, "category")), sources, skipped);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "outline".equals(xml.getLocalName())) {
                String group = Boolean.TRUE.equals(isGroup.pollLast()) ? groups.pollLast() : null;
                int[] feeds = feedsUnder.pollLast();
                if (feeds != null && feeds[0] == 0) {
                    skipped.add(new OpmlImport.Skipped(group == null ? "(untitled outline)" : group,
                            "no xmlUrl and no feeds under it (line " + xml.getLocation().getLineNumber() + ")"));
                }
                if (feeds != null && !feedsUnder.isEmpty()) {
                    feedsUnder.peekLast()[0] += feeds[0];
                }
            }
        }
        if (!sawRoot) {
            throw new OpmlException("not OPML: no <opml> element", null);
        }
        if (!sawBody) {
            throw new OpmlException("not OPML: no <body> element, where the outlines go", null);
        }
        return new OpmlImport(List.copyOf(sources.values()), skipped);
    }

    private static void addFeed(XMLStreamReader xml, String text, String feedUrl, List<String> contexts,
                                Map<String, SourceSpec> sources, List<OpmlImport.Skipped> skipped) {
        String problem = SourceUrls.check(feedUrl);
        String label = text.isEmpty() ? truncate(feedUrl) : text;
        if (problem != null) {
            skipped.add(new OpmlImport.Skipped(label, problem + " (line " + xml.getLocation().getLineNumber() + ")"));
            return;
        }
        String site = attr(xml, "htmlUrl");
        if (site != null && SourceUrls.check(site.strip()) != null) {
            site = null;
        }
        SourceSpec earlier = sources.get(SourceUrls.key(feedUrl));
        if (earlier != null) {
            // The same feed under two folders: one source with the contexts of both.
            List<String> merged = new ArrayList<>(earlier.contexts());
            contexts.stream().filter(c -> !merged.contains(c)).forEach(merged::add);
            sources.put(SourceUrls.key(feedUrl), new SourceSpec(earlier.feedUrl(), earlier.title(), earlier.siteUrl(), merged,
                    null));
            return;
        }
        sources.put(SourceUrls.key(feedUrl), new SourceSpec(feedUrl, text, site == null ? null : site.strip(), contexts, null));
    }

    /** The folders a feed sits in, then the tags of its OPML 2.0 {@code category} attribute (comma-separated). */
    private static List<String> withCategories(Deque<String> groups, String category) {
        List<String> contexts = new java.util.ArrayList<>(groups);
        if (category != null) {
            for (String tag : category.split(",")) {
                String t = clean(tag.strip().replaceFirst("^/+", ""), null);
                if (!t.isEmpty() && !contexts.contains(t) && contexts.size() < 20) {
                    contexts.add(t);
                }
            }
        }
        return List.copyOf(contexts);
    }

    private static String attr(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String clean(String text, String title) {
        String t = text != null && !text.isBlank() ? text : title;
        if (t == null) {
            return "";
        }
        String plain = t.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return plain.length() > MAX_TEXT ? plain.substring(0, MAX_TEXT) : plain;
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.lastIndexOf("Message: ");
        return (nl >= 0 ? s.substring(nl + 9) : s).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing more to read; closing is best effort
            }
        }
    }
}
