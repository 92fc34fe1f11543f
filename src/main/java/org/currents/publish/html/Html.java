package org.currents.publish.html;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/** Escaping and the few fragments every page writes the same way (dates, counts). */
final class Html {
    static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Html() {
    }

    static String text(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    static String attr(String s) {
        return Entities.escape(s == null ? "" : s).replace("\"", "&quot;");
    }

    static String link(String href, String text) {
        return "<a href=\"" + attr(href) + "\">" + text(text) + "</a>";
    }

    /** A date that never breaks across lines, with its machine-readable form. */
    static String time(LocalDate day, DateTimeFormatter format) {
        return "<time datetime=\"" + day + "\">" + text(day.format(format)) + "</time>";
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
