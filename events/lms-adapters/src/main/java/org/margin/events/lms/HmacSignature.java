package org.margin.events.lms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC scheme for LMS sources that do not sign on their own (a Moodle observer plugin, a Caliper or xAPI
 * relay): header {@value #HEADER} {@code = t=<unix seconds>,v1=<hex>}, where hex is HMAC-SHA256 with the
 * source's shared secret over the ASCII timestamp, a dot and the raw body bytes. Several {@code v1} entries may be
 * sent while the sender rotates secrets.
 */
public final class HmacSignature {

    public static final String HEADER = "X-Margin-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private HmacSignature() {
    }

    /** The header value a sender puts on {@code body} at {@code unixSeconds}. */
    public static String sign(byte[] secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HEX.formatHex(mac(secret, unixSeconds, body));
    }

    /** A parsed header: the signed timestamp and the candidate signatures. */
    record Header(long unixSeconds, List<byte[]> signatures) {

        /** The header's parts, or empty when it is malformed. */
        static java.util.Optional<Header> parse(String value) {
            OptionalLong timestamp = OptionalLong.empty();
            List<byte[]> signatures = new ArrayList<>();
            for (String part : value.split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length != 2) {
                    return java.util.Optional.empty();
                }
                try {
                    switch (pair[0]) {
                        case "t" -> timestamp = OptionalLong.of(Long.parseLong(pair[1]));
                        case "v1" -> signatures.add(HEX.parseHex(pair[1]));
                        default -> {
                            // Other schemes may be added by a sender; they are not ours to check.
                        }
                    }
                } catch (IllegalArgumentException e) {
                    return java.util.Optional.empty();
                }
            }
            if (timestamp.isEmpty() || signatures.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Header(timestamp.getAsLong(), signatures));
        }
    }

    /** The first of {@code header}'s signatures that one of {@code secrets} produced, compared in constant time. */
    static java.util.Optional<byte[]> verified(Header header, List<byte[]> secrets, byte[] body) {
        for (byte[] secret : secrets) {
            byte[] expected = mac(secret, header.unixSeconds(), body);
            for (byte[] candidate : header.signatures()) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return java.util.Optional.of(candidate);
                }
            }
        }
        return java.util.Optional.empty();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] mac(byte[] secret, long unixSeconds, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(Long.toString(unixSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
