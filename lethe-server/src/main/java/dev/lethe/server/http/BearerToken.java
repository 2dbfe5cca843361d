package dev.lethe.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} against the admin token. Both sides are hashed first and the
 * hashes compared with {@link MessageDigest#isEqual}, so the time taken depends neither on where the first
 * difference is nor on the token's length. The token itself is never kept in a string after construction, and
 * never logged or echoed.
 */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private final byte[] expected;

    /** @param token the admin token; empty means every request is refused */
    BearerToken(Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(BearerToken::digest).orElse(null);
    }

    boolean configured() {
        return expected != null;
    }

    /** Whether the header carries the admin token. */
    boolean accepts(String authorization) {
        if (expected == null || authorization == null
                || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(authorization.substring(SCHEME.length()).trim()));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
