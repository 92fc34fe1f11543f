package org.currents.publish;

/** The formats an event page is published in, as in the portal mirror. */
public enum PageFormat {
    HTML("html", "text/html; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8"),
    XML("xml", "application/xml; charset=utf-8"),
    MARKDOWN("md", "text/markdown; charset=utf-8");

    private final String extension;
    private final String contentType;

    PageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
