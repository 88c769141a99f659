package org.partyline.processor.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.http.Context;

/**
 * The web dashboard (CONTRACT section 4, {@code GET /}): a page shell and its ES modules and stylesheet, read from the
 * classpath folder {@code dashboard/}. The files hold no data: the page reads everything from {@code /api/...} like
 * any client, sending the bearer token there. So {@code /dashboard/FILE} is open, and {@code /} is the one page a
 * browser may get with a 401 (when {@code http.auth.token} is set, a browser never sends a header on navigation):
 * the same shell, which then asks for the token. Other clients get the usual JSON 401.
 */
final class Dashboard {
    /** Where the files live, on the classpath and under the HTTP root. */
    static final String FOLDER = "/dashboard/";
    private static final String PAGE = "index.html";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|html|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml");
    /** Scripts, styles and data only from this origin: quotes and source URLs from the input can never run. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** {@code GET /}: the page. */
    void page(Context ctx) {
        page(ctx, 200);
    }

    /** The page with the given status: 401 when the browser has not given the token yet. */
    void page(Context ctx, int status) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        send(ctx, status, PAGE, file(PAGE).orElseThrow(() -> new IllegalStateException(
                "the dashboard page " + FOLDER + PAGE + " is missing from the jar")));
    }

    /** {@code GET /dashboard/{file}}: a module, the stylesheet; 404 for any other name. */
    void file(Context ctx) {
        String name = ctx.pathParam("file");
        Optional<byte[]> body = FILE.matcher(name).matches() ? file(name) : Optional.empty();
        if (body.isEmpty()) {
            Exchanges.send(ctx, Reply.error(404, Exchanges.describe(ctx), "no such dashboard file"));
            return;
        }
        send(ctx, 200, name, body.get());
    }

    /** Whether a refused request is a browser opening the page: it gets the page, which asks for the token. */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return "/".equals(ctx.path()) && accept != null && accept.contains("text/html");
    }

    private static void send(Context ctx, int status, String name, byte[] body) {
        Matcher extension = FILE.matcher(name);
        extension.matches();
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(status).contentType(TYPES.get(extension.group(1))).result(body);
    }

    private static Optional<byte[]> file(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard file " + FOLDER + name, e);
        }
    }
}
