package org.margin.analysis.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.AdministrativeAction;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.redaction.TokenResolution;

class ResolutionRecordTest {

    private static final Actor ADMINISTRATOR = Actor.person(ActorRole.ADMINISTRATOR, UUID.randomUUID());

    @Test
    void countsResolvedTokensByTypeInTheTypesOrderAndRejectedOnes() {
        AdministrativeAction action = ResolutionRecord.of(Instant.EPOCH, ADMINISTRATOR, List.of(
                new TokenResolution.Resolved(EntityType.PERSON, "Maya"),
                new TokenResolution.Rejected(TokenResolution.Reason.NOT_A_TOKEN),
                new TokenResolution.Resolved(EntityType.EMAIL_ADDRESS, "maya@example.com"),
                new TokenResolution.Resolved(EntityType.PERSON, "Jonah")));
        assertThat(action.action()).isEqualTo("pii_tokens.resolved");
        assertThat(action.target()).isEqualTo("resolved:3/rejected:1/email:1/person:2");
    }

    @Test
    void theLargestCallAUserCanMakeStillFitsATarget() {
        // A text holds at most 1,000 tokens: the longest target has every type, as many counts of three digits as
        // fit (nine of 100) and two digits for the rest.
        List<TokenResolution> outcomes = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            int count = type.ordinal() < 9 ? 100 : 16;
            for (int i = 0; i < count; i++) {
                outcomes.add(new TokenResolution.Resolved(type, "v"));
            }
        }
        while (outcomes.size() < ResolvePiiTokensTool.MAX_TOKENS_IN_TEXT) {
            outcomes.add(new TokenResolution.Rejected(TokenResolution.Reason.NOT_RESOLVABLE));
        }
        AdministrativeAction action = ResolutionRecord.of(Instant.EPOCH, ADMINISTRATOR, outcomes);
        assertThat(action.target()).contains("resolved:996/rejected:4", "driver_license:100", "person:16");
    }
}
