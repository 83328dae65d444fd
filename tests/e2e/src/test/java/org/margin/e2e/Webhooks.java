package org.margin.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.margin.events.lms.HmacSignature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.json.JsonMapper;

/** What an LMS sends: a Moodle online-text event signed with the shared secret, a Canvas live event as a JWT. */
final class Webhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingress;

    Webhooks(URI ingress) {
        this.ingress = ingress;
    }

    HttpResponse<String> moodle(String source, byte[] secret, long course, long user, long submission,
                                String html) throws Exception {
        return send(moodleDelivery(source, secret, course, user, submission, html));
    }

    /** A signed Moodle online-text delivery, to {@link #send} (once, or again as a replay). */
    Delivery moodleDelivery(String source, byte[] secret, long course, long user, long submission, String html) {
        String body = """
                {"eventname": "\\\\assignsubmission_onlinetext\\\\event\\\\assessable_uploaded",
                 "component": "assignsubmission_onlinetext", "objecttable": "assign_submission",
                 "objectid": %d, "contextinstanceid": 418, "userid": %d, "courseid": %d,
                 "other": {"content": %s}, "timecreated": %d}""".formatted(submission, user, course,
                JSON.writeValueAsString(html), Instant.now().getEpochSecond());
        return new Delivery(source, body, HmacSignature.sign(secret, Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(Delivery delivery) throws Exception {
        return post(delivery.source(), delivery.body(), delivery.signature());
    }

    HttpResponse<String> canvas(String source, RSAKey key, String issuer, String course, String user,
                                String submission, String html) throws Exception {
        String event = """
                {"metadata": {"context_id": "%s", "context_type": "Course", "event_name": "submission_created",
                  "event_time": "%s", "user_id": "%s", "producer": "canvas"},
                 "body": {"assignment_id": "9120", "attempt": 1, "body": %s, "submission_id": "%s",
                  "submission_type": "online_text_entry", "submitted_at": "%s", "user_id": "%s",
                  "workflow_state": "submitted"}}""".formatted(course, Instant.now(), user,
                JSON.writeValueAsString(html), submission, Instant.now(), user);
        return post(source, signedJwt(event, key, issuer), null);
    }

    /** A webhook request as an LMS sends it: the source's path segment, the body, the signature header if any. */
    record Delivery(String source, String body, String signature) {
    }

    private static String signedJwt(String event, RSAKey key, String issuer) throws JOSEException, ParseException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder(JWTClaimsSet.parse(event)).issuer(issuer)
                        .issueTime(Date.from(Instant.now().minusSeconds(1)))
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> post(String source, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingress.resolve("/webhooks/" + source))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Margin-Signature", signature);
        }
        // As an LMS does: a 503 is sent again after its Retry-After, for a while.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("retry-after").orElse("1")));
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }
}
