package org.partyline.processor.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code http.auth.token}: when set, every path but the probes, {@code /metrics} and the dashboard's code needs
 * {@code Authorization: Bearer TOKEN}. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so
 * the time taken says nothing about how much of a guess was right, nor about the token's length. The token is
 * never part of a message or a log line: {@link #toString()} hides it.
 */
final class BearerToken {
    private static final String SCHEME = "bearer ";

    private final byte[] digest;

    private BearerToken(String token) {
        this.digest = sha256(token);
    }

    /** A guard for the token, or none when no token is configured (empty or blank means none). */
    static Optional<BearerToken> of(Optional<String> token) {
        return token.filter(t -> !t.isBlank()).map(BearerToken::new);
    }

    /**
     * Paths anyone may read: the probes (orchestrators), {@code /metrics} (scrapers) and the dashboard's code
     * ({@code /dashboard/FILE}: modules and a stylesheet, no data; the page sends the token to {@code /api}).
     */
    static boolean isOpen(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                || path.startsWith(Dashboard.FOLDER);
    }

    /** Whether an {@code Authorization} header value carries this token (the scheme in any letter case). */
    boolean admits(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(SCHEME.length()).trim()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
