package org.margin.runtime.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens verified lately, so a repeated token costs a SHA-256 and a map lookup instead of a signature check.
 * Keyed by the token's digest (the token itself is never kept); an entry lives until the token's {@code exp}.
 * Bounded: when full, expired entries go first, then arbitrary ones (a dropped entry only costs a re-verification).
 */
public final class VerifiedTokens {

    private final int capacity;
    private final Clock clock;
    private final Map<Digest, TokenVerifier.Verified> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The caller of a token verified before and not expired since; {@code null} otherwise. */
    public Caller find(String token) {
        Digest digest = Digest.of(token);
        TokenVerifier.Verified verified = entries.get(digest);
        if (verified == null) {
            return null;
        }
        if (verified.expiresAtMillis() <= clock.millis()) {
            entries.remove(digest, verified);
            return null;
        }
        return verified.caller();
    }

    public void remember(String token, TokenVerifier.Verified verified) {
        if (verified.expiresAtMillis() <= clock.millis()) {
            return;
        }
        if (entries.size() >= capacity) {
            makeRoom();
        }
        entries.put(Digest.of(token), verified);
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom() {
        long now = clock.millis();
        entries.values().removeIf(verified -> verified.expiresAtMillis() <= now);
        Iterator<Digest> keys = entries.keySet().iterator();
        int excess = entries.size() - capacity + Math.max(1, capacity / 8);
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** A SHA-256 digest as four longs: cheap to hash and compare, and not the token. */
    private record Digest(long a, long b, long c, long d) {

        static Digest of(String token) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException missing) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", missing);
            }
            ByteBuffer bytes = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.ISO_8859_1)));
            return new Digest(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        }
    }
}
