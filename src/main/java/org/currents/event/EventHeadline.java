package org.currents.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Just enough of an event to link to it: what related-event lists and indexes carry. */
public record EventHeadline(String id, String slug, Instant published, String headline) {

    public LocalDate date() {
        return LocalDate.ofInstant(published, ZoneOffset.UTC);
    }

    public String path() {
        return pathOf(date(), slug);
    }

    static String pathOf(LocalDate d, String slug) {
        return String.format("%04d/%02d/%02d/%s", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }
}
