package org.currents.publish.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One outlet's report as the reader sees it: the outlet's name, the article, the feed it came
 * through. A feed that republishes others' reports (as the portal does) names the outlet in the
 * text of the article's link ("Sources: Reuters"); that name is the outlet, the feed is "via".
 */
record Outlet(String name, String url, String via, EventSource source) {
    static List<Outlet> of(Event e) {
        List<Element> anchors = e.contentHtml().isBlank() ? List.of() : Jsoup.parseBodyFragment(e.contentHtml()).select("a[href]");
        List<Outlet> out = new ArrayList<>();
        for (EventSource s : e.sources()) {
            String named = null;
            if (s.articleUrl() != null) {
                for (Element a : anchors) {
                    if (a.attr("href").equals(s.articleUrl()) && !a.text().isBlank()) {
                        named = a.text().strip();
                        break;
                    }
                }
            }
            out.add(named == null || named.equals(s.outlet()) ? new Outlet(s.outlet(), s.articleUrl(), null, s)
                    : new Outlet(named, s.articleUrl(), s.outlet(), s));
        }
        return out;
    }

    /** The distinct outlet names of an event, as a list line shows them. */
    static List<String> names(Event e) {
        Set<String> names = new LinkedHashSet<>();
        of(e).forEach(o -> names.add(o.name()));
        return List.copyOf(names);
    }
}
