package org.margin.grid.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger.Claim;

import com.hazelcast.client.config.ClientConfig;

/** Two function instances, each with its own grid client, sharing one ledger through a real member. */
class GridDeliveryLedgerTest {

    private static LocalGrid members;
    private static Grid instanceA;
    private static Grid instanceB;

    @BeforeAll
    static void start() {
        members = TestGrids.members(1);
        instanceA = TestGrids.trusted(TestGrids.instanceOf(members).build());
        instanceB = TestGrids.trusted(TestGrids.instanceOf(members).build());
    }

    @AfterAll
    static void stop() {
        instanceA.close();
        instanceB.close();
        members.close();
    }

    @Test
    void aDeliveryHandledOnOneInstanceIsADuplicateOnTheOther() {
        GridDeliveryLedger a = GridDeliveryLedger.create(instanceA, "profiling");
        GridDeliveryLedger b = GridDeliveryLedger.create(instanceB, "profiling");

        assertThat(a.claim("urn:margin:lms-ingress", "e-1")).isEqualTo(Claim.CLAIMED);
        assertThat(b.claim("urn:margin:lms-ingress", "e-1")).isEqualTo(Claim.IN_PROGRESS);
        a.handled("urn:margin:lms-ingress", "e-1");

        assertThat(b.claim("urn:margin:lms-ingress", "e-1")).isEqualTo(Claim.ALREADY_HANDLED);
        assertThat(b.claim("urn:margin:lms-ingress", "e-2")).isEqualTo(Claim.CLAIMED);
        assertThat(a.claim("urn:margin:other-source", "e-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aReleasedDeliveryCanBeClaimedAgainByARetry() {
        GridDeliveryLedger a = GridDeliveryLedger.create(instanceA, "alerts");
        GridDeliveryLedger b = GridDeliveryLedger.create(instanceB, "alerts");

        assertThat(a.claim("urn:margin:profiling", "r-1")).isEqualTo(Claim.CLAIMED);
        a.released("urn:margin:profiling", "r-1");

        assertThat(b.claim("urn:margin:profiling", "r-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void aClaimWhoseInstanceDiedLapsesAfterItsHold() {
        GridDeliveryLedger dying = new GridDeliveryLedger(instanceA.support().connection(),
                instanceA.support().pseudonyms(), "delivery.integrity", Duration.ofSeconds(1), Duration.ofHours(1));
        GridDeliveryLedger survivor = GridDeliveryLedger.create(instanceB, "integrity");

        assertThat(dying.claim("urn:margin:lms-ingress", "d-1")).isEqualTo(Claim.CLAIMED);
        assertThat(survivor.claim("urn:margin:lms-ingress", "d-1")).isEqualTo(Claim.IN_PROGRESS);
        TestGrids.sleep(1_500);

        assertThat(survivor.claim("urn:margin:lms-ingress", "d-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void eachFunctionKeepsItsOwnLedger() {
        GridDeliveryLedger profiling = GridDeliveryLedger.create(instanceA, "student-profiling");
        GridDeliveryLedger integrity = GridDeliveryLedger.create(instanceB, "academic-integrity");

        assertThat(profiling.claim("urn:margin:lms-ingress", "shared-1")).isEqualTo(Claim.CLAIMED);
        profiling.handled("urn:margin:lms-ingress", "shared-1");

        assertThat(integrity.claim("urn:margin:lms-ingress", "shared-1")).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void theGridSeesNeitherSourceNorIdInItsKeys() {
        GridDeliveryLedger ledger = GridDeliveryLedger.create(instanceA, "keys");
        ledger.claim("urn:margin:lms-ingress", "visible-id-123");

        assertThat(members.members().get(0).<String, Byte>getMap(GridDeliveryLedger.DELIVERIES).keySet())
                .isNotEmpty()
                .noneMatch(key -> key.contains("visible-id-123") || key.contains("lms-ingress"));
    }

    @Test
    void withoutAConnectionEveryDeliveryIsClaimedSoThePipelineGoesOn() {
        ClientConfig nowhere = TestGrids.clientOf(members);
        nowhere.getNetworkConfig().setAddresses(List.of("127.0.0.1:1"));
        Grid unconnected = TestGrids.instanceOf(members).clientConfig(nowhere).build();
        try {
            GridDeliveryLedger ledger = GridDeliveryLedger.create(unconnected, "offline");
            assertThat(ledger.claim("urn:margin:lms-ingress", "o-1")).isEqualTo(Claim.CLAIMED);
            ledger.handled("urn:margin:lms-ingress", "o-1");

            assertThat(ledger.claim("urn:margin:lms-ingress", "o-1")).isEqualTo(Claim.CLAIMED);
        } finally {
            unconnected.close();
        }
    }
}
