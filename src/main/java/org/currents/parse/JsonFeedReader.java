package org.currents.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with bounded nesting and string sizes. */
final class JsonFeedReader {
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";
    /** Some publishers write the version URL with http; the feed is no less a JSON Feed. */
    private static final String HTTP_PREFIX = "http://jsonfeed.org/version/";

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(5_000_000).build())
            .build());

    ParsedFeed read(byte[] body, String url) throws FeedParseException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FeedParseException(url, "not valid JSON: " + JsonProblem.of(e),
                    at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), e);
        } catch (IOException e) {
            throw new FeedParseException(url, "cannot read JSON: " + e.getMessage(), -1, -1, e);
        }
        String version = text(root, "version");
        if (version != null && version.startsWith(HTTP_PREFIX)) {
            version = VERSION_PREFIX + version.substring(HTTP_PREFIX.length());
        }
        if (!root.isObject() || version == null || !version.startsWith(VERSION_PREFIX)) {
            throw new FeedParseException(url, "JSON but not a JSON Feed (no \"version\": \"" + VERSION_PREFIX + "...\")",
                    -1, -1, null);
        }
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new FeedParseException(url, "JSON Feed without an \"items\" array", -1, -1, null);
        }
        String feedAuthor = author(root);
        List<ParsedItem> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isObject()) {
                out.add(item(item, url, feedAuthor));
            }
        }
        String format = "json_" + version.substring(VERSION_PREFIX.length());
        return new ParsedFeed(format, text(root, "title"), text(root, "home_page_url"), text(root, "description"),
                text(root, "language"), FeedHints.NONE, out, push(root));
    }

    /** JSON Feed 1.1's {@code hubs} (objects with a type and a URL; only WebSub hubs are ones we speak to) and {@code feed_url}. */
    private static PushLinks push(JsonNode root) {
        List<String> hubs = new ArrayList<>();
        for (JsonNode hub : root.path("hubs")) {
            String type = text(hub, "type");
            if (text(hub, "url") != null && (type == null || type.equalsIgnoreCase("WebSub"))) {
                hubs.add(text(hub, "url"));
            }
        }
        return new PushLinks(hubs, text(root, "feed_url"));
    }

    private ParsedItem item(JsonNode item, String url, String feedAuthor) {
        String contentHtml = text(item, "content_html");
        if (contentHtml == null && text(item, "content_text") != null) {
            contentHtml = Html.escapeText(text(item, "content_text"));
        }
        String summary = text(item, "summary");
        List<ParsedCategory> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(new ParsedCategory(tag.asText(), null, null));
            }
        }
        List<ParsedMedia> media = new ArrayList<>();
        if (text(item, "image") != null) {
            media.add(new ParsedMedia(text(item, "image"), null, "image", false));
        }
        if (text(item, "banner_image") != null) {
            media.add(new ParsedMedia(text(item, "banner_image"), null, "image", false));
        }
        for (JsonNode a : item.path("attachments")) {
            if (text(a, "url") != null) {
                media.add(new ParsedMedia(text(a, "url"), text(a, "mime_type"), null, false));
            }
        }
        String author = author(item);
        JsonNode id = item.get("id");
        String guid = id == null || id.isNull() ? null : id.asText();
        return new ParsedItem(guid, text(item, "title"), text(item, "url") != null ? text(item, "url") : text(item, "external_url"),
                url, contentHtml, summary == null ? null : Html.escapeText(summary), date(item, "date_published"),
                date(item, "date_modified"), author != null ? author : feedAuthor, tags, media);
    }

    private static String author(JsonNode node) {
        for (JsonNode a : node.path("authors")) {
            if (text(a, "name") != null) {
                return text(a, "name");
            }
        }
        return text(node.path("author"), "name");
    }

    private static Instant date(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
