package org.currents.parse;

import java.util.List;

/**
 * Where a feed says its changes are pushed (W3C WebSub discovery): the hubs it names
 * ({@code rel="hub"} links, JSON Feed {@code hubs}) and its own canonical URL ({@code rel="self"},
 * JSON Feed {@code feed_url}), the topic to subscribe to; null when it gives none.
 */
public record PushLinks(List<String> hubs, String self) {
    public static final PushLinks NONE = new PushLinks(List.of(), null);

    public PushLinks {
        hubs = hubs.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).distinct().toList();
        self = self == null || self.isBlank() ? null : self.strip();
    }
}
