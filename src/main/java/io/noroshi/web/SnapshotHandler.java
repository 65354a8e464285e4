package io.noroshi.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The read path as a Jetty handler. Answers public GET and HEAD requests from the in-memory snapshot
 * directly on Jetty's I/O thread (no dispatch, no database, no allocation beyond a buffer slice), with
 * ETag revalidation and precompressed gzip. The plainest of them never reach it: {@link ReadPathConnection}
 * answers those before Jetty parses them, the same way, and hands the rest of a connection here. Every
 * other request is handed to the wrapped handler (Javalin) on a worker thread, because that one may block.
 */
final class SnapshotHandler extends Handler.Wrapper {

    /** Methods that would change a resource: the public site is read-only, so they get 405, not a 404. */
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SnapshotHolder holder;
    private final Executor blockingWork;
    private final LongAdder served = new LongAdder();
    private final LongAdder notModified = new LongAdder();

    SnapshotHandler(SnapshotHolder holder, Executor blockingWork) {
        this.holder = holder;
        this.blockingWork = blockingWork;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        ServedSite site = holder.site();
        if (site != null && (head || HttpMethod.GET.is(method))) {
            HttpFields headers = request.getHeaders();
            String path = RequestPaths.resolve(site, request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                    headers.get(HttpHeader.ACCEPT_LANGUAGE));
            ServedFile file = site.file(path);
            // An old incident's or a deep history page: served from the cache of pages rendered on
            // demand when this version was rendered before, else rendered on a thread that may block.
            Object older = file == null ? site.olderVersion(path) : null;
            if (older != null) file = site.olderFile(older);
            if (file != null) {
                serve(file, head, headers, response, callback);
                return true;
            }
            if (older != null) {
                blockingWork.execute(() -> serveOlder(site, path, older, head, request, response, callback));
                return true;
            }
        }
        if (site != null && WRITES.contains(method) && isPublicFile(site, request)) {
            refuseWrite(method, response, callback);
            return true;
        }
        blockingWork.execute(() -> forward(request, response, callback));
        return true;
    }

    private static boolean isPublicFile(ServedSite site, Request request) {
        String path = RequestPaths.resolve(site, request.getHttpURI().getPath(), request.getHttpURI().getQuery(), null);
        return site.file(path) != null || site.olderVersion(path) != null;
    }

    private static void refuseWrite(String method, Response response, Callback callback) {
        byte[] body = ("{\"error\":\"method_not_allowed\",\"allowed\":[\"GET\",\"HEAD\"],\"message\":\"" + method
                + " is not allowed here: the public status site is read-only; changes go through /api/admin/v1\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.ALLOW, "GET, HEAD");
        out.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void serve(ServedFile file, boolean head, HttpFields requestHeaders, Response response, Callback callback) {
        HttpFields.Mutable out = response.getHeaders();
        out.add(file.etagField());
        out.add(file.cacheControl());
        out.add(file.vary());
        if (file.matches(requestHeaders.get(HttpHeader.IF_NONE_MATCH))) {
            notModified.increment();
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        served.increment();
        ByteBuffer body = file.body();
        HttpField length = file.bodyLength();
        if (file.gzipped() != null && acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING))) {
            body = file.gzipped();
            length = file.gzippedLength();
            out.add(ServedFile.GZIP);
        }
        out.add(file.contentType());
        // add, not put: nothing set a length before this handler, and put would search the fields for one first
        out.add(length);
        response.setStatus(HttpStatus.OK_200);
        response.write(true, head ? null : body.slice(), callback);
    }

    private void serveOlder(ServedSite site, String path, Object version, boolean head, Request request, Response response,
                            Callback callback) {
        try {
            ServedFile file = site.renderOlder(path, version);
            if (file == null) forward(request, response, callback);
            else serve(file, head, request.getHeaders(), response, callback);
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    private void forward(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.contains("gzip") && !acceptEncoding.contains("gzip;q=0");
    }

    /** Counts an answer from the snapshot written outside this handler ({@link ReadPathConnection}). */
    void countServed() {
        served.increment();
    }

    void countNotModified() {
        notModified.increment();
    }

    /** Requests answered from the snapshot with a body. */
    long servedCount() {
        return served.sum();
    }

    /** Requests answered 304 Not Modified. */
    long notModifiedCount() {
        return notModified.sum();
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
