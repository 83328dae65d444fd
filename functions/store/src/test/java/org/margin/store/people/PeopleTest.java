package org.margin.store.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreRejectedException.Reason;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.tenant.TenantId;

class PeopleTest {

    private static Store store;
    private static TenantId tenant;

    @BeforeAll
    static void institution() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
        tenant = TenantId.random();
        store.institutions().register(tenant, "People test");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void identityIsStoredApartAndFoundByItsLookupValues() {
        PersonIdentity identity = new PersonIdentity(World.opaque("lms-1"), Optional.of(World.opaque("Ada")),
                Optional.of(World.opaque("ada@example.org")), Optional.of(World.opaque("2010-01-01")),
                World.opaque("lookup-lms-1"), Optional.of(World.opaque("lookup-mail-1")));

        PersonId person = store.people().register(tenant, identity);

        assertThat(store.people().identity(tenant, person, Consistency.READ_YOUR_WRITES)).contains(identity);
        assertThat(store.people().findByLmsUser(tenant, World.opaque("lookup-lms-1"), Consistency.READ_YOUR_WRITES))
                .contains(person);
        assertThat(store.people().findByEmail(tenant, World.opaque("lookup-mail-1"), Consistency.READ_YOUR_WRITES))
                .contains(person);
        assertThat(store.people().findByLmsUser(tenant, World.opaque("lookup-other"), Consistency.READ_YOUR_WRITES))
                .isEmpty();
    }

    @Test
    void aRefusedRegistrationLeavesNoPseudonymBehind() throws SQLException {
        store.people().register(tenant, World.identity("twice"));
        long peopleBefore = peopleOf(tenant);

        assertThatThrownBy(() -> store.people().register(tenant, World.identity("twice")))
                .isInstanceOfSatisfying(StoreRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.DUPLICATE);
                    assertThat(rejected.constraint()).isEqualTo("person_identities_institution_id_lms_user_lookup_key");
                    assertThat(rejected.getMessage()).doesNotContain("lookup:twice");
                });

        assertThat(peopleOf(tenant)).as("the person row inserted before the refused identity was rolled back")
                .isEqualTo(peopleBefore);
    }

    private static long peopleOf(TenantId tenant) throws SQLException {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement statement = owner.prepareStatement(
                     "SELECT count(*) FROM people WHERE institution_id = ?")) {
            statement.setObject(1, tenant.value());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
