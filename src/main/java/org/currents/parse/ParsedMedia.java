package org.currents.parse;

/**
 * A media object attached to an item: {@code media:content}, {@code media:thumbnail},
 * an enclosure, or a JSON Feed image/attachment. {@code type} is the MIME type and
 * {@code medium} the Media RSS medium ({@code image}, {@code video}, ...), either may be null.
 */
public record ParsedMedia(String url, String type, String medium, boolean thumbnail) {
    public boolean isImage() {
        return "image".equalsIgnoreCase(medium) || (type != null && type.toLowerCase().startsWith("image/"));
    }
}
