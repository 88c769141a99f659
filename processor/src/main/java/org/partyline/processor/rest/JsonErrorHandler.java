package org.partyline.processor.rest;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error answers (a request line it cannot parse or decode, a failure below Javalin) as the JSON of
 * CONTRACT section 4, {@code {"error": "GET /path: reason"}}, in place of Jetty's HTML page. No stack trace and no
 * header value ever goes into the body.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        String requestLine = describe(request);
        String reason = reason(status, requestLine, request.getAttribute(ERROR_MESSAGE));
        if (status >= 500) {
            LOG.warn("{} failed in the HTTP server: {}", requestLine, reason,
                    request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null);
        } else {
            LOG.debug("{} refused by the HTTP server: {} {}", requestLine, status, reason);
        }
        Reply reply = Reply.error(status, requestLine, reason);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchanges.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.json().length);
        response.write(true, ByteBuffer.wrap(reply.json()), callback);
        return true;
    }

    /** The request as received; for a request line Jetty could not take apart, the line it read, if any. */
    private static String describe(Request request) {
        String path = request.getHttpURI().getPath();
        if ("/badMessage".equals(path) || "/badURI".equals(path)) {
            String line = RequestTargets.lastRequestLine(request.getConnectionMetaData().getConnection());
            return line == null ? "request" : line;
        }
        String pathQuery = request.getHttpURI().getPathQuery();
        return request.getMethod() + " " + (pathQuery == null ? path : pathQuery);
    }

    private static String reason(int status, String requestLine, Object message) {
        if (status == HttpStatus.BAD_REQUEST_400 && Exchanges.malformedPercent(requestLine)) {
            return "malformed percent-encoding in the path";
        }
        if (message instanceof String text && !text.isBlank()) {
            return text;
        }
        String phrase = HttpStatus.getMessage(status);
        return phrase == null ? "HTTP " + status : phrase;
    }
}
