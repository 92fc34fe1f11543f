package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

/** What a reader sees for an address with nothing behind it, or a request that cannot be answered. */
public final class NotFoundPage {
    private final Layout layout;

    public NotFoundPage(Layout layout) {
        this.layout = layout;
    }

    public byte[] write(String path) {
        return layout.page("Not found – Currents", null, "<h1>Not found</h1><p>There is nothing at <code>" + text(path)
                + "</code>. Try the <a href=\"" + attr(layout.links().home()) + "\">latest events</a>, <a href=\""
                + attr(layout.links().days()) + "\">every day</a> or the <a href=\"" + attr(layout.links().contexts())
                + "\">contexts</a>.</p>");
    }

    /** A request Currents will not answer, with the reason for the reader. */
    public byte[] badRequest(String reason) {
        return layout.page("Bad request – Currents", null, "<h1>This request cannot be answered</h1><p>" + text(reason)
                + "</p><p><a href=\"" + attr(layout.links().home()) + "\">Back to the latest events</a>.</p>");
    }
}
