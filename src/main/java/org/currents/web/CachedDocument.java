package org.currents.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.currents.publish.Document;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A document rendered once: its bytes and their gzip form in read-only direct buffers, and every
 * header it is sent with encoded in advance, so answering a request allocates next to nothing.
 * {@code checkedAt} is the site version at which it was last known current.
 */
final class CachedDocument {
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField CSP = new PreEncodedHttpField("Content-Security-Policy", DocumentResponse.CSP);

    final String etag;
    private final Document document;
    private final HttpField etagField;
    private final HttpField lastModified;
    private final HttpField cacheControl;
    private final HttpField contentType;
    private final boolean html;
    private final ByteBuffer plain;
    private final HttpField plainLength;
    /** Null when gzip would not make it smaller. */
    private final ByteBuffer gzip;
    private final HttpField gzipLength;
    final int size;
    volatile long checkedAt;
    volatile long lastUsed;

    CachedDocument(Document document, byte[] body, long version) {
        this.document = document;
        this.etag = document.etag();
        this.etagField = new PreEncodedHttpField(HttpHeader.ETAG, etag);
        this.lastModified = document.lastModified() == null ? null : new PreEncodedHttpField(HttpHeader.LAST_MODIFIED,
                DateGenerator.formatDate(document.lastModified().toEpochMilli()));
        this.cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, document.cacheControl());
        this.contentType = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, document.contentType());
        this.html = document.contentType().startsWith("text/html");
        this.plain = direct(body);
        this.plainLength = new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.length);
        byte[] zipped = gzip(body);
        this.gzip = zipped.length < body.length ? direct(zipped) : null;
        this.gzipLength = gzip == null ? null : new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, zipped.length);
        this.size = body.length + (gzip == null ? 0 : zipped.length);
        this.checkedAt = version;
    }

    void send(Request request, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.add(etagField);
        if (lastModified != null) {
            headers.add(lastModified);
        }
        headers.add(cacheControl);
        headers.add(VARY);
        headers.add(NOSNIFF);
        if (DocumentResponse.notModified(request, document)) {
            // No Content-Length: clients such as wrk would wait for that many bytes after a 304.
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return;
        }
        headers.add(contentType);
        if (html) {
            headers.add(CSP);
        }
        boolean zipped = gzip != null && acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        if (zipped) {
            headers.add(GZIP);
        }
        headers.add(zipped ? gzipLength : plainLength);
        response.setStatus(HttpStatus.OK_200);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return;
        }
        response.write(true, (zipped ? gzip : plain).slice(), callback);
    }

    /** True when the Accept-Encoding header admits gzip: listed (or "*") without q=0. */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String p = part.strip();
            int semi = p.indexOf(';');
            String coding = (semi < 0 ? p : p.substring(0, semi)).strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*") || coding.equalsIgnoreCase("x-gzip")) {
                return semi < 0 || !p.substring(semi + 1).replace(" ", "").matches("(?i)q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b.asReadOnlyBuffer();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot gzip a document in memory", e);
        }
        return out.toByteArray();
    }
}
