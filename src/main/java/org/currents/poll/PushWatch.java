package org.currents.poll;

import org.currents.parse.PushLinks;
import org.currents.source.Source;

/**
 * What polling tells, and asks, the WebSub subscriber: the hub links a fetched feed carries (to
 * subscribe, switch hubs or unsubscribe), and whether a source's changes are pushed to us, which
 * slows its polling to the fallback interval.
 */
public interface PushWatch {
    /** No hub is ever subscribed to. */
    PushWatch NONE = new PushWatch() {
        @Override
        public void seen(Source source, PushLinks links) {
        }

        @Override
        public boolean pushing(long sourceId) {
            return false;
        }
    };

    void seen(Source source, PushLinks links);

    boolean pushing(long sourceId);
}
