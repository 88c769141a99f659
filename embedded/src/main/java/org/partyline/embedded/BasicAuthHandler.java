package org.partyline.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP basic auth in front of the registry API, as Confluent's registry answers it: without the configured
 * credentials, 401 with {@code {"error_code":401,"message":"Unauthorized"}} and
 * {@code WWW-Authenticate: Basic realm="partyline-registry"}. Credentials are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in time independent of where they differ and of their length.
 */
final class BasicAuthHandler implements HttpHandler {

    static final String REALM = "partyline-registry";
    private static final Logger log = LoggerFactory.getLogger(BasicAuthHandler.class);

    /** The expected {@code USER:PASSWORD}, kept only as a digest; {@link #toString()} shows the user alone. */
    static final class Credentials {
        private final String user;
        private final byte[] digest;

        private Credentials(String user, byte[] digest) {
            this.user = user;
            this.digest = digest;
        }

        static Credentials of(String userInfo) {
            int colon = userInfo.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("registry basic auth user info must be USER:PASSWORD");
            }
            return new Credentials(userInfo.substring(0, colon), sha256(userInfo.getBytes(StandardCharsets.UTF_8)));
        }

        boolean matches(String authorizationHeader) {
            byte[] given = decode(authorizationHeader);
            // Compare digests even when the header is missing, so every refusal takes the same path.
            return MessageDigest.isEqual(digest, sha256(given == null ? new byte[0] : given)) && given != null;
        }

        @Override
        public String toString() {
            return "Credentials[user " + user + "]";
        }

        private static byte[] decode(String header) {
            if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(header.substring(6).trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM has no SHA-256", e);
            }
        }
    }

    private final Credentials credentials;
    private final HttpHandler next;
    private final byte[] unauthorized;

    BasicAuthHandler(Credentials credentials, HttpHandler next, ObjectMapper json) {
        this.credentials = credentials;
        this.next = next;
        this.unauthorized = json.createObjectNode().put("error_code", 401).put("message", "Unauthorized").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (credentials.matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
            next.handle(exchange);
            return;
        }
        try (exchange) {
            log.warn("{} {} -> 401: no valid credentials", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            exchange.getResponseHeaders().set("Content-Type", RegistryHttpHandler.CONTENT_TYPE);
            exchange.sendResponseHeaders(401, unauthorized.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(unauthorized);
            }
        }
    }
}
