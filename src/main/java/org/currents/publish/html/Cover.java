package org.currents.publish.html;

import java.util.List;

/** A cover image as Currents serves it: one URL per width, smallest first. */
public record Cover(List<String> urls, List<Integer> widths) {
    public Cover {
        urls = List.copyOf(urls);
        widths = List.copyOf(widths);
        if (urls.isEmpty() || urls.size() != widths.size()) {
            throw new IllegalArgumentException("a cover needs one URL per width");
        }
    }
}
