package org.currents.poll;

/**
 * Three outlets' reports of the attack on Kabul's Intercontinental Hotel, as RSS: the evening's
 * first report, a morning paper's retelling, and the wire's report of the siege's end the next
 * afternoon, another happening. Filed feed by feed with the morning paper first, the retelling
 * goes with the siege's end; in the order they were written, with the evening's report.
 */
final class KabulSiege {
    /** Saturday evening's report of an attack. */
    static final String EVENING_ITEM = item("a", "Sat, 20 Jan 2018 17:40:00 GMT",
            "Gunmen storm Kabul's Intercontinental Hotel",
            "Attackers with guns and suicide vests stormed the Intercontinental Hotel in Kabul on Saturday evening, "
                    + "taking guests hostage as Afghan special forces surrounded the building.");
    /** A morning paper's report of the same attack. */
    static final String MORNING_ITEM = item("r", "Sun, 21 Jan 2018 05:00:00 GMT",
            "Gunmen besiege Kabul's Intercontinental Hotel overnight",
            "Afghan special forces battled attackers holding guests hostage at the Intercontinental Hotel in Kabul "
                    + "through the night.");
    /** The wire's report of the next afternoon: the end of the siege, another happening. */
    static final String WIRE_ITEM = item("d", "Sun, 21 Jan 2018 13:30:00 GMT",
            "Kabul hotel siege ends with 18 dead, 14 of them foreigners",
            "Afghan special forces ended the siege of the Intercontinental Hotel in Kabul after 13 hours; the attackers "
                    + "holding guests hostage killed 18 people, 14 of them foreigners, officials said.");
    static final String EVENING = feed("evening", EVENING_ITEM);
    static final String MORNING = feed("morning", MORNING_ITEM);
    static final String WIRE = feed("wire", WIRE_ITEM);

    private KabulSiege() {
    }

    static String feed(String name, String items) {
        return "<rss version=\"2.0\"><channel><title>" + name + "</title><link>https://" + name + ".example/</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    static String item(String guid, String date, String title, String description) {
        return "<item><title>" + title + "</title><link>https://news.example/" + guid + "</link><guid>" + guid
                + "</guid><pubDate>" + date + "</pubDate><description>" + description + "</description></item>";
    }
}
