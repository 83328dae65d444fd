package org.margin.alerts.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.alerts.TestWorld;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.AlertRule;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.alert.RuleKind;
import org.margin.store.course.CourseId;

/**
 * Two instances, each with its own grid client and near cache, on one real Hazelcast member and one real
 * PostgreSQL: the rules that reach a course are served from the tiers, and a rule defined or disabled on one
 * instance is in (or out of) the other's very next evaluation.
 */
class CourseRulesAcrossInstancesTest {

    private static Store store;
    private static LocalGrid members;
    private static Grid gridA;
    private static Grid gridB;
    private static CourseRules a;
    private static CourseRules b;

    @BeforeAll
    static void start() {
        store = TestWorld.openStore();
        members = TestGrids.members(1);
        gridA = TestGrids.trusted(client());
        gridB = TestGrids.trusted(client());
        a = CourseRules.cached(store, gridA);
        b = CourseRules.cached(store, gridB);
    }

    @AfterAll
    static void stop() {
        gridA.close();
        gridB.close();
        members.close();
        store.close();
    }

    @Test
    void rulesAreServedFromTheTiersNotTheStore() {
        TestWorld world = TestWorld.create(store);
        AlertRuleId own = a.define(store.alertRules(), world.tenant(), rule(world, Optional.of(world.course())));
        assertThat(ids(b, world, world.course())).containsExactly(own);

        // Created behind the cache's back: nothing buries the entry, so both instances keep their rule set.
        store.alertRules().create(world.tenant(), rule(world, Optional.of(world.course())));
        assertThat(ids(a, world, world.course())).as("served from the tiers").containsExactly(own);
        assertThat(ids(b, world, world.course())).as("served from the tiers").containsExactly(own);
    }

    @Test
    void aRuleDefinedOnOneInstanceIsInTheOthersNextEvaluation() {
        TestWorld world = TestWorld.create(store);
        List<AlertRuleId> expected = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            assertThat(ids(b, world, world.course())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ids(b, world, world.course())).as("read twice: the second from the near cache")
                    .containsExactlyInAnyOrderElementsOf(expected);
            CourseRules writer = round % 2 == 0 ? a : b;
            CourseRules reader = writer == a ? b : a;
            ids(reader, world, world.course());
            Optional<CourseId> scope = round % 3 == 0 ? Optional.empty() : Optional.of(world.course());
            expected.add(writer.define(store.alertRules(), world.tenant(), rule(world, scope)));
            assertThat(ids(reader, world, world.course())).as("round %d", round)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(ids(a, world, world.course())).as("in the store's order").containsExactlyElementsOf(
                store.alertRules().forCourse(world.tenant(), world.course(), Consistency.READ_YOUR_WRITES).stream()
                        .map(AlertRule::id).toList());
        assertThat(ids(b, world, world.otherCourse())).as("another course gets the institution's rules only")
                .hasSize(14);
    }

    @Test
    void aRuleDisabledOnOneInstanceIsOutOfTheOthersNextEvaluation() {
        TestWorld world = TestWorld.create(store);
        AlertRuleId own = a.define(store.alertRules(), world.tenant(), rule(world, Optional.of(world.course())));
        AlertRuleId everywhere = a.define(store.alertRules(), world.tenant(), rule(world, Optional.empty()));
        assertThat(ids(b, world, world.course())).containsExactlyInAnyOrder(own, everywhere);
        assertThat(ids(b, world, world.otherCourse())).containsExactly(everywhere);

        assertThat(a.disable(store.alertRules(), world.tenant(), everywhere)).isPresent();
        assertThat(ids(b, world, world.course())).containsExactly(own);
        assertThat(ids(b, world, world.otherCourse())).isEmpty();

        assertThat(a.disable(store.alertRules(), world.tenant(), own)).isPresent();
        assertThat(ids(b, world, world.course())).isEmpty();
        assertThat(a.disable(store.alertRules(), world.tenant(), own)).as("already disabled").isEmpty();
    }

    private static NewAlertRule rule(TestWorld world, Optional<CourseId> scope) {
        return new NewAlertRule(scope, RuleKind.SIMILARITY, "{\"threshold\": 0.8}", world.teacher());
    }

    private static List<AlertRuleId> ids(CourseRules rules, TestWorld world, CourseId course) {
        return rules.reaching(world.tenant(), course).stream().map(AlertRule::id).toList();
    }

    /** An instance's grid with the default breaker: a quick one could send reads to the store and prove nothing. */
    private static Grid client() {
        return Grid.builder().clientConfig(TestGrids.clientOf(members)).pseudonymKey(TestGrids.PSEUDONYM_KEY).build();
    }
}
