package org.margin.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who made an MCP request, from a validated access token.
 *
 * @param subject the token's {@code sub}, as the authorization server knows the caller; never shown or logged
 * @param tenant  the institution the caller acts in ({@code margin_tenant}); empty only for a service
 * @param role    what the caller is ({@code margin_role})
 * @param person  the caller's pseudonymous person id in Margin ({@code margin_person}); present for students and
 *                educators, and for administrators who are people of the institution
 * @param scopes  the granted scopes ({@code scope}, space separated)
 */
public record Caller(String subject, Optional<UUID> tenant, Role role, Optional<UUID> person, Set<String> scopes) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(person, "person");
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * The subject as a SHA-256 digest (base64url): what state that outlives the request (a session, a sealed
     * request state) binds itself to, so the subject itself is never stored or sent back.
     */
    public String subjectDigest() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", missing);
        }
    }
}
