package org.currents.web;

import java.time.Instant;
import org.currents.publish.Document;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The rules every document answer follows ({@link CachedDocument} applies them): 304 when the
 * client's copy is current (If-None-Match first, If-Modified-Since only without it, as RFC 9110
 * says), and the Content-Security-Policy of HTML.
 */
final class DocumentResponse {
    /** Pages load only their own stylesheet, script and images: nothing inline, nothing from elsewhere. */
    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private DocumentResponse() {
    }

    static boolean notModified(Request request, Document doc) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, doc.etag());
        }
        HttpField since = request.getHeaders().getField(HttpHeader.IF_MODIFIED_SINCE);
        if (since != null && doc.lastModified() != null) {
            long when = request.getHeaders().getDateField(HttpHeader.IF_MODIFIED_SINCE.asString());
            return when != -1 && !doc.lastModified().isAfter(Instant.ofEpochMilli(when));
        }
        return false;
    }

    /** Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; "*" matches anything. */
    static boolean matches(String header, String etag) {
        if (header.equals(etag)) {
            return true;
        }
        String ours = strip(etag);
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || strip(t).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        // A compressing layer may have suffixed our tag (e.g. "--gzip"); the entity is the same.
        int suffix = t.indexOf("--");
        return suffix > 0 ? t.substring(0, suffix) + "\"" : t;
    }
}
