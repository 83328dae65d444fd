package org.margin.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreRejectedException;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.people.PersonId;
import org.margin.store.profile.ClassDistribution;
import org.margin.store.profile.SampleMetrics;
import org.margin.store.profile.TimeWindow;
import org.margin.store.submission.NewSubmission;
import org.margin.store.tenant.TenantId;

class ConsentsTest {

    private static final Instant GIVEN = Instant.parse("2026-09-02T08:00:00Z");

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void oneConsentIsCurrentPerPurposeAndAWithdrawalKeepsTheRecordWithItsTime() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        Consents consents = store.consents();

        Recording first = consents.record(world.tenant(), consent(student, Purpose.ANALYSIS, GivenBy.STUDENT));
        Recording again = consents.record(world.tenant(), consent(student, Purpose.ANALYSIS, GivenBy.INSTITUTION));
        Withdrawal withdrawal = consents.withdraw(world.tenant(), student, Purpose.ANALYSIS,
                GIVEN.plus(Duration.ofDays(3)), GivenBy.STUDENT);

        assertThat(first).isInstanceOf(Recording.Recorded.class);
        assertThat(again).isEqualTo(new Recording.AlreadyCurrent(first.id()));
        assertThat(withdrawal).isEqualTo(new Withdrawal.Withdrawn(first.id()));
        assertThat(consents.of(world.tenant(), student, Consistency.READ_YOUR_WRITES)).singleElement()
                .satisfies(kept -> assertThat(kept.withdrawnAt()).hasValue(GIVEN.plus(Duration.ofDays(3))));
        assertThat(consents.withdrawnSince(world.tenant(), GIVEN, Consistency.READ_YOUR_WRITES))
                .extracting(Consent::id).containsExactly(first.id());
        ConsentStatus status = consents.status(world.tenant(), student, Consistency.READ_YOUR_WRITES);
        assertThat(status.allows(Purpose.ANALYSIS)).isFalse();
        assertThat(status.allows(Purpose.PROFILING)).as("no record: the institution's basis").isTrue();
    }

    @Test
    void anObjectionWithoutAConsentIsRecordedAndRefusesThePurpose() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();

        Withdrawal objection = store.consents().withdraw(world.tenant(), student, Purpose.PROFILING, GIVEN,
                GivenBy.INSTITUTION);

        assertThat(objection).isInstanceOf(Withdrawal.Objected.class);
        assertThat(store.consents().status(world.tenant(), student, Consistency.READ_YOUR_WRITES)
                .allows(Purpose.PROFILING)).isFalse();
    }

    @Test
    void aChildWithAParentsConsentIsProcessedOnlyForThePurposesConsentedTo() {
        World world = World.create(store, 1);
        PersonId child = world.students().getFirst();

        store.consents().record(world.tenant(), new NewConsent(child, Purpose.ANALYSIS, GivenBy.PARENT_OR_GUARDIAN,
                Optional.of(Verification.SIGNED_FORM), GIVEN));

        ConsentStatus status = store.consents().status(world.tenant(), child, Consistency.READ_YOUR_WRITES);
        assertThat(status.parentalConsent()).isTrue();
        assertThat(status.refused()).containsExactlyInAnyOrder(Purpose.PROFILING, Purpose.INTEGRITY,
                Purpose.ANALYTICS);
    }

    @Test
    void aParentsConsentNeedsItsVerificationAndNoOtherCarriesOne() {
        PersonId student = new PersonId(UUID.randomUUID());
        assertThatThrownBy(() -> new NewConsent(student, Purpose.ANALYSIS, GivenBy.PARENT_OR_GUARDIAN,
                Optional.empty(), GIVEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewConsent(student, Purpose.ANALYSIS, GivenBy.STUDENT,
                Optional.of(Verification.VIDEO_CALL), GIVEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherInstitutionCannotRecordForAStudentItDoesNotHave() {
        World world = World.create(store, 1);
        World other = World.create(store, 1);

        assertThatThrownBy(() -> store.consents().record(other.tenant(),
                consent(world.students().getFirst(), Purpose.ANALYSIS, GivenBy.INSTITUTION)))
                .isInstanceOfSatisfying(StoreRejectedException.class, e ->
                        assertThat(e.reason()).isEqualTo(StoreRejectedException.Reason.MISSING_REFERENCE));
        assertThat(store.consents().of(other.tenant(), world.students().getFirst(), Consistency.READ_YOUR_WRITES))
                .isEmpty();
    }

    @Test
    void heldEventsComeBackInTheOrderTheyWereHeldAndAreHeldOnce() {
        World world = World.create(store, 1);
        TenantId tenant = world.tenant();
        PersonId child = world.students().getFirst();
        HeldEvents held = store.heldEvents();
        for (int i = 0; i < 5; i++) {
            // Ids out of time order: the order is the order of holding, not of ids.
            assertThat(held.hold(tenant, new HeldEvent(UUID.randomUUID(), child, "event-" + i,
                    World.opaque("sealed " + i)))).isTrue();
        }
        assertThat(held.hold(tenant, new HeldEvent(UUID.randomUUID(), child, "event-2", World.opaque("again"))))
                .as("a redelivery").isFalse();

        List<HeldEvent> events = held.of(tenant, child, 100);

        assertThat(events).extracting(HeldEvent::eventId)
                .containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
        held.release(tenant, events.getFirst().id());
        assertThat(held.count(tenant, child)).isEqualTo(4);
    }

    @Test
    void classAnalyticsLeavesOutStudentsWhoWithdrewAnalyticsConsent() {
        World world = World.create(store, 6);
        Random random = new Random(17);
        for (PersonId student : world.students()) {
            store.profiles().record(world.tenant(), store.submissions().submit(world.tenant(),
                    new NewSubmission(world.course(), student, GIVEN, World.opaque("essay"))), SampleMetrics.draw(random));
        }
        PersonId withdrawn = world.students().getFirst();
        store.consents().record(world.tenant(), consent(withdrawn, Purpose.ANALYTICS, GivenBy.STUDENT));
        store.consents().withdraw(world.tenant(), withdrawn, Purpose.ANALYTICS, GIVEN.plusSeconds(60),
                GivenBy.STUDENT);

        ClassDistribution distribution = store.classAnalytics().distribution(world.tenant(), world.course(),
                TimeWindow.always(), 5, Consistency.READ_YOUR_WRITES);

        assertThat(distribution).isInstanceOfSatisfying(ClassDistribution.Available.class, available -> {
            assertThat(available.students()).isEqualTo(5);
            assertThat(available.submissions()).isEqualTo(5);
        });
    }

    private static NewConsent consent(PersonId student, Purpose purpose, GivenBy givenBy) {
        return new NewConsent(student, purpose, givenBy, Optional.empty(), GIVEN);
    }
}
