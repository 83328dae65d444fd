package org.margin.alerts.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.alert.AlertRule;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.RuleKind;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/**
 * A scope's rules as the grid keeps them: a version byte, the count, then per rule its ids, kind, parameters,
 * author, flag and creation time. Hand-written rather than JSON because every event of a submission decodes it.
 */
final class RuleSetBytes {

    private static final byte VERSION = 1;

    private RuleSetBytes() {
    }

    static byte[] write(List<AlertRule> rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + rules.size() * 160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(rules.size());
            for (AlertRule rule : rules) {
                uuid(out, rule.id().value());
                out.writeBoolean(rule.course().isPresent());
                if (rule.course().isPresent()) {
                    uuid(out, rule.course().get().value());
                }
                text(out, rule.kind().column());
                text(out, rule.parameters());
                uuid(out, rule.createdBy().value());
                out.writeBoolean(rule.enabled());
                out.writeLong(rule.createdAt().getEpochSecond());
                out.writeInt(rule.createdAt().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<AlertRule> read(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readByte() != VERSION) {
                throw new IllegalStateException("a cached rule set of an unknown version");
            }
            int count = in.readInt();
            List<AlertRule> rules = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                AlertRuleId id = new AlertRuleId(uuid(in));
                Optional<CourseId> course = in.readBoolean() ? Optional.of(new CourseId(uuid(in))) : Optional.empty();
                RuleKind kind = RuleKind.ofColumn(text(in));
                String parameters = text(in);
                PersonId author = new PersonId(uuid(in));
                boolean enabled = in.readBoolean();
                Instant createdAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
                rules.add(new AlertRule(id, course, kind, parameters, author, enabled, createdAt));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] utf8 = in.readNBytes(in.readInt());
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
