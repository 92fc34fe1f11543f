package org.currents.web;

import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The front of the handler tree: a request for a document already rendered and current at the
 * site's version is answered from memory on the I/O thread, like a static file; every other
 * request (a render, a query, the API) is handed to the handlers behind on a pool thread, so
 * this handler never blocks and Jetty need not dispatch the common case.
 */
final class CachedDocuments extends Handler.Wrapper {
    private final DocumentCache cache;
    private final LongSupplier version;

    CachedDocuments(DocumentCache cache, LongSupplier version, Handler behind) {
        super(behind);
        this.cache = cache;
        this.version = version;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if ((HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) && DocumentCache.keeps(request)) {
            CachedDocument hit = cache.fresh(Request.getPathInContext(request), version.getAsLong());
            if (hit != null) {
                hit.send(request, response, callback);
                return true;
            }
        }
        request.getComponents().getExecutor().execute(() -> {
            try {
                Handler behind = getHandler();
                if (behind == null || !behind.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable e) {
                callback.failed(e);
            }
        });
        return true;
    }
}
