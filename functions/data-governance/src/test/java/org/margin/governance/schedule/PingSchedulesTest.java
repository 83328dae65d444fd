package org.margin.governance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.entry.LegalBasis;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.audit.CheckpointSchedule;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.store.tenant.TenantId;

/** The PingSources' events on the real platform: the source names the schedule that runs. */
class PingSchedulesTest {

    private final GovernanceWorld world = GovernanceWorld.get();
    private final PingSchedules schedules = new PingSchedules(world.governance.schedule().handler(),
            new CheckpointSchedule(world.platform.auditCheckpoints()).handler());

    @Test
    void theCheckpointScheduleSignsEveryChainThatGrew() {
        TenantId tenant = TenantId.random();
        world.store().institutions().register(tenant, "Institution " + tenant);
        world.platform.audit().recordDurably(tenant, new Disclosure(Instant.now(),
                Actor.person(ActorRole.EDUCATOR, UUID.randomUUID()), UUID.randomUUID(), "get_student_profile",
                Set.of(DataCategory.PROFILE), LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST));
        assertThat(world.store().auditTrail().checkpoints(tenant)).isEmpty();

        assertThat(schedules.handle(ping("audit-checkpoints"))).isInstanceOf(EventOutcome.Accepted.class);

        assertThat(world.store().auditTrail().checkpoints(tenant)).hasSize(1)
                .allSatisfy(checkpoint -> assertThat(checkpoint.treeSize()).isEqualTo(1));
    }

    @Test
    void theRetentionScheduleRunsAndAnUnknownScheduleIsRejectedWithItsReason() {
        assertThat(schedules.handle(ping("retention-schedule"))).isInstanceOf(EventOutcome.Accepted.class);
        assertThat(schedules.handle(ping("someone-elses")))
                .isInstanceOfSatisfying(EventOutcome.Rejected.class, rejected ->
                        assertThat(rejected.reason()).contains("retention-schedule", "audit-checkpoints"));
    }

    private static CloudEvent ping(String name) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/apis/v1/namespaces/margin/pingsources/" + name))
                .withType("dev.knative.sources.ping").build();
    }
}
