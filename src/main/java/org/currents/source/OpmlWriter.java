package org.currents.source;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sources as an OPML 2.0 subscription list: a source's contexts become the nested
 * outlines it sits in, so that {@link OpmlReader} reads back the same sources and contexts.
 */
public final class OpmlWriter {

    public byte[] write(List<Source> sources, Instant now) {
        Folder root = new Folder();
        for (Source s : sources) {
            Folder f = root;
            for (String context : s.contexts()) {
                f = f.folders.computeIfAbsent(context, k -> new Folder());
            }
            f.feeds.add(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("head");
            w.writeStartElement("title");
            w.writeCharacters("Currents sources");
            w.writeEndElement();
            w.writeStartElement("dateCreated");
            w.writeCharacters(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("body");
            write(w, root);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML", e);
        }
        return out.toByteArray();
    }

    private static void write(XMLStreamWriter w, Folder folder) throws XMLStreamException {
        for (Source s : folder.feeds) {
            w.writeEmptyElement("outline");
            w.writeAttribute("type", "rss");
            w.writeAttribute("text", s.displayName());
            w.writeAttribute("title", s.displayName());
            w.writeAttribute("xmlUrl", s.feedUrl());
            if (s.siteUrl() != null) {
                w.writeAttribute("htmlUrl", s.siteUrl());
            }
        }
        for (Map.Entry<String, Folder> e : folder.folders.entrySet()) {
            w.writeStartElement("outline");
            w.writeAttribute("text", e.getKey());
            write(w, e.getValue());
            w.writeEndElement();
        }
    }

    /** An outline holding feeds and further outlines. */
    private static final class Folder {
        final List<Source> feeds = new ArrayList<>();
        final Map<String, Folder> folders = new LinkedHashMap<>();
    }
}
