package org.margin.audit.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.margin.privacy.crypto.KeyOperation;
import org.margin.privacy.crypto.KeyPurpose;

class CanonicalJsonTest {

    private static final UUID EDUCATOR = UUID.fromString("0191f3a0-0000-7000-8000-000000000001");
    private static final UUID STUDENT = UUID.fromString("0191f3a0-0000-7000-8000-000000000002");

    @Test
    void aDisclosureHasExactlyOneEncoding() {
        Disclosure disclosure = new Disclosure(Instant.parse("2026-11-27T21:50:00Z"),
                Actor.person(ActorRole.EDUCATOR, EDUCATOR), STUDENT, "get_student_profile",
                EnumSet.of(DataCategory.PROFILE, DataCategory.METRICS), LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST);
        String expected = "{\"actor\":\"0191f3a0-0000-7000-8000-000000000001\",\"actor_role\":\"educator\","
                + "\"at\":\"2026-11-27T21:50:00.000000Z\",\"basis\":\"legitimate_educational_interest\","
                + "\"disclosed\":[\"metrics\",\"profile\"],\"student\":\"0191f3a0-0000-7000-8000-000000000002\","
                + "\"tool\":\"get_student_profile\",\"type\":\"disclosure\",\"v\":1}";
        assertThat(new String(disclosure.canonicalBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        Disclosure sameInOtherOrder = new Disclosure(Instant.parse("2026-11-27T21:50:00.000000001Z"),
                Actor.person(ActorRole.EDUCATOR, EDUCATOR), STUDENT, "get_student_profile",
                Set.of(DataCategory.METRICS, DataCategory.PROFILE), LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST);
        assertThat(sameInOtherOrder.canonicalBytes()).isEqualTo(disclosure.canonicalBytes());
    }

    @Test
    void keyOperationsAndAdministrativeActionsEncodeTheirFields() {
        assertThat(new String(new KeyManagementAction(Instant.parse("2026-01-02T03:04:05.123456Z"),
                "writing-analysis/local/1a2b3c4d", KeyOperation.KEY_PROMOTED, KeyPurpose.ROW,
                OptionalInt.of(-2)).canonicalBytes(), StandardCharsets.US_ASCII)).isEqualTo(
                "{\"actor\":\"writing-analysis/local/1a2b3c4d\",\"at\":\"2026-01-02T03:04:05.123456Z\","
                        + "\"key_id\":4294967294,\"operation\":\"key_promoted\",\"purpose\":\"row\","
                        + "\"type\":\"key_management\",\"v\":1}");
        assertThat(new String(new AdministrativeAction(Instant.parse("2026-01-02T03:04:05Z"),
                Actor.service("data-governance"), "consent.recorded", STUDENT.toString()).canonicalBytes(),
                StandardCharsets.US_ASCII)).isEqualTo("{\"action\":\"consent.recorded\",\"actor\":\"data-governance\","
                + "\"actor_role\":\"service\",\"at\":\"2026-01-02T03:04:05.000000Z\","
                + "\"target\":\"0191f3a0-0000-7000-8000-000000000002\",\"type\":\"administrative\",\"v\":1}");
    }

    @Test
    void namesEmailsAndFreeTextHaveNoWayIn() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new Actor(ActorRole.EDUCATOR, "Jane Doe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Jane");
        assertThatThrownBy(() -> Actor.service("jane@school.edu")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdministrativeAction(now, Actor.service("data-governance"), "consent.recorded",
                "Jane Doe")).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Jane");
        assertThatThrownBy(() -> new Disclosure(now, Actor.service("educator-alerts"), UUID.randomUUID(),
                "Get Profile \"x\"", Set.of(DataCategory.PROFILE), LegalBasis.SERVICE_PROCESSING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
