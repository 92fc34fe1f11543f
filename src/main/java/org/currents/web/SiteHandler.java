package org.currents.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.currents.publish.Document;
import org.currents.publish.Site;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the published site (pages, feeds, OPML); read-only, GET and HEAD.
 * A document current at the site's version is answered from memory without a query; one that
 * may have changed is checked (and rendered when it did) through the {@link DocumentCache}.
 */
final class SiteHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(SiteHandler.class);
    private static final int MAX_PATH = 512;
    private static final int MAX_QUERY = 2048;

    private final Site site;
    private final DocumentCache cache;

    SiteHandler(Site site, DocumentCache cache) {
        this.site = site;
        this.cache = cache;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path != null && (path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics"))) {
            return false;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    method + " is not allowed here; the site is read-only (GET, HEAD)");
            return true;
        }
        if (path == null || path.length() > MAX_PATH) {
            Response.writeError(request, response, callback, HttpStatus.URI_TOO_LONG_414, "path too long");
            return true;
        }
        boolean cacheable = DocumentCache.keeps(request);
        long version = site.version();
        CachedDocument hit = cacheable ? cache.fresh(path, version) : null;
        if (hit != null) {
            hit.send(request, response, callback);
            return true;
        }
        Optional<CachedDocument> doc;
        try {
            if (version < 0) {
                site.refreshVersion();
                version = site.version();
            }
            Fields params = queryParameters(request);
            Optional<PageRoute.Answer> answer = PageRoute.resolve(site, path, params)
                    .or(() -> ArchiveRoute.resolve(site, path));
            if (answer.isPresent() && answer.get() instanceof PageRoute.Page page) {
                html(request, response, callback, page.status(), page.contentType(), page.body());
                return true;
            }
            Supplier<Optional<Document>> resolve = answer.isPresent()
                    ? () -> Optional.of(((PageRoute.Doc) answer.get()).document()) : () -> SiteRoute.resolve(site, path);
            doc = cacheable ? cache.load(path, version, resolve)
                    : resolve.get().map(d -> new CachedDocument(d, d.body().get(), -1));
        } catch (BadMessageException e) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    "the query string cannot be read: " + e.getMessage());
            return true;
        } catch (RuntimeException e) {
            log.error("cannot render {}", path, e);
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "could not render this page; the error is logged");
            return true;
        }
        if (doc.isPresent()) {
            doc.get().send(request, response, callback);
            return true;
        }
        Optional<String> canonical = SiteRoute.canonical(path).or(() -> SiteRoute.moved(site, path));
        if (canonical.isPresent()) {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.getHeaders().put(HttpHeader.LOCATION, canonical.get());
            callback.succeeded();
            return true;
        }
        html(request, response, callback, HttpStatus.NOT_FOUND_404, "text/html; charset=utf-8", site.notFound(path));
        return true;
    }

    /** Parameters of the query string; a query that is not valid percent-encoded UTF-8 is refused by Jetty's parser. */
    private static Fields queryParameters(Request request) {
        String query = request.getHttpURI().getQuery();
        if (query != null && query.length() > MAX_QUERY) {
            throw new BadMessageException("it is longer than " + MAX_QUERY + " characters");
        }
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadMessageException("it is not valid percent-encoded UTF-8");
        }
    }

    private static void html(Request request, Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        if (type.startsWith("text/html")) {
            response.getHeaders().put("Content-Security-Policy", DocumentResponse.CSP);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
