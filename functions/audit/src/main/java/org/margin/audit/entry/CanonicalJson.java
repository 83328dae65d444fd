package org.margin.audit.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical bytes of an entry: JSON with keys in ascending code-point order, no white space, times as ISO-8601
 * UTC with exactly six fractional digits, enum values in lower case, sets sorted. Every string is checked against a
 * pattern that needs no JSON escaping, so an entry has exactly one encoding and its hash never depends on a JSON
 * library's version or settings (the reason this is written out rather than left to a serializer).
 */
final class CanonicalJson {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    private CanonicalJson() {
    }

    static void requireCode(String value, String field) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is lower-case letters, digits, '_' and '.'");
        }
    }

    static void requireReference(String value, String field) {
        if (value == null || !REFERENCE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is 1 to 200 letters, digits and ._:/-");
        }
    }

    static byte[] encode(AuditEntry entry) {
        StringBuilder json = new StringBuilder(256).append('{');
        switch (entry) {
            case Disclosure d -> {
                field(json, "actor", d.actor().id());
                field(json, "actor_role", code(d.actor().role()));
                field(json, "at", time(d.at()));
                field(json, "basis", code(d.basis()));
                json.append("\"disclosed\":[");
                String[] categories = d.disclosed().stream().map(CanonicalJson::code).sorted().toArray(String[]::new);
                for (int i = 0; i < categories.length; i++) {
                    json.append(i == 0 ? "" : ",").append('"').append(categories[i]).append('"');
                }
                json.append("],");
                field(json, "student", d.student().toString());
                field(json, "tool", d.tool());
                field(json, "type", "disclosure");
            }
            case AdministrativeAction a -> {
                field(json, "action", a.action());
                field(json, "actor", a.actor().id());
                field(json, "actor_role", code(a.actor().role()));
                field(json, "at", time(a.at()));
                field(json, "target", a.target());
                field(json, "type", "administrative");
            }
            case KeyManagementAction k -> {
                field(json, "actor", k.actor());
                field(json, "at", time(k.at()));
                if (k.keyId().isPresent()) {
                    json.append("\"key_id\":").append(Integer.toUnsignedLong(k.keyId().getAsInt())).append(',');
                }
                field(json, "operation", code(k.operation()));
                field(json, "purpose", code(k.purpose()));
                field(json, "type", "key_management");
            }
        }
        json.append("\"v\":1}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"").append(value).append("\",");
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String time(Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        String text = micros.toString();
        // Instant.toString drops trailing zero groups; the canonical form always has six fractional digits.
        int dot = text.indexOf('.');
        String seconds = dot < 0 ? text.substring(0, text.length() - 1) : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1, text.length() - 1);
        return seconds + "." + (fraction + "000000").substring(0, 6) + "Z";
    }
}
