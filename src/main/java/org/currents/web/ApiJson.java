package org.currents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.currents.event.ContextSummary;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.publish.PageFormat;
import org.currents.publish.SiteLinks;
import org.currents.source.Source;
import org.currents.source.SourceStatus;

/** The JSON shapes of the admin API. */
final class ApiJson {
    private final ObjectMapper mapper;

    ApiJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode source(Source s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", s.id());
        n.put("feed_url", s.feedUrl());
        n.put("title", s.title());
        n.put("site_url", s.siteUrl());
        s.contexts().forEach(n.putArray("contexts")::add);
        if (s.contexts().isEmpty()) {
            n.putArray("contexts");
        }
        if (s.interval() == null) {
            n.putNull("interval_seconds");
        } else {
            n.put("interval_seconds", s.interval().toSeconds());
        }
        n.put("enabled", s.enabled());
        SourceStatus st = s.status();
        ObjectNode status = n.putObject("status");
        status.put("last_status", st.lastStatus());
        status.put("last_http_status", st.lastHttpStatus());
        status.put("last_polled", time(st.lastPolled()));
        status.put("next_poll", time(st.nextPoll()));
        status.put("items_new", st.itemsNew());
        status.put("items_updated", st.itemsUpdated());
        status.put("consecutive_errors", st.consecutiveErrors());
        status.put("failing_since", time(st.failingSince()));
        status.put("last_error", st.lastError());
        return n;
    }

    ObjectNode context(ContextSummary c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("slug", c.context().slug());
        n.put("name", c.context().name());
        n.put("kind", c.context().kind().name().toLowerCase());
        n.put("events", c.eventCount());
        n.put("last_updated", time(c.lastUpdated()));
        n.put("hidden", c.hidden());
        return n;
    }

    /** An event in a day's list: its pages, headline and the outlets that reported it. */
    ObjectNode event(Event e, SiteLinks links) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", e.id());
        n.put("url", links.event(e.headlineRef(), PageFormat.HTML));
        n.put("json", links.event(e.headlineRef(), PageFormat.JSON));
        n.put("headline", e.headline());
        ArrayNode list = n.putArray("sources");
        for (EventSource s : e.sources()) {
            list.addObject().put("name", s.outlet()).put("url", s.articleUrl());
        }
        return n;
    }

    ObjectNode error(String message, String field) {
        ObjectNode n = mapper.createObjectNode();
        n.put("error", message);
        if (field != null) {
            n.put("field", field);
        }
        return n;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
