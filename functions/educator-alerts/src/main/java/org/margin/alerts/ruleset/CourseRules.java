package org.margin.alerts.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.AlertRule;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.AlertRules;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.course.CourseId;
import org.margin.store.tenant.TenantId;

/**
 * The enabled rules that reach a course: its own and its institution's. Every event of a submission is evaluated
 * against them, so with a grid they are kept in its tiers, one entry per scope (a course's own rules under
 * {@code tenant/course}, the institution-wide ones under {@code tenant}; ids only, never a person): a change to an
 * institution-wide rule then buries one entry, not one per course. Rules change only through {@link #define} and
 * {@link #disable}, which bury their scope's entry after the store committed and before they return, so once a
 * change is acknowledged no instance evaluates with the rule set from before it.
 */
public final class CourseRules {

    static final String CACHE = "alert-rules";

    private final Store store;
    private final Optional<TieredCache> cache;

    private CourseRules(Store store, Optional<Grid> grid) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = grid.map(tiers -> tiers.cache(CACHE, this::load));
    }

    /** Rules kept in the grid's tiers, shared with every instance that uses the same grid. */
    public static CourseRules cached(Store store, Grid grid) {
        return new CourseRules(store, Optional.of(grid));
    }

    /** Rules read from the store on every call: for an instance without a grid. */
    public static CourseRules uncached(Store store) {
        return new CourseRules(store, Optional.empty());
    }

    /** The enabled rules of the course and the institution-wide ones, in the store's order of their ids. */
    public List<AlertRule> reaching(TenantId tenant, CourseId course) {
        if (cache.isEmpty()) {
            return store.alertRules().forCourse(tenant, course, Consistency.READ_YOUR_WRITES);
        }
        List<AlertRule> rules = new ArrayList<>(read(cache.get(), tenant, Optional.of(course)));
        rules.addAll(read(cache.get(), tenant, Optional.empty()));
        rules.sort(IN_STORE_ORDER);
        return rules;
    }

    /**
     * Creates the rule through {@code rules} (the author's store, whose row-level security applies) and buries its
     * scope's entry. {@code Unconfirmed} burial (the grid away) is retried by the grid once it is back, as for any
     * cache.
     */
    public AlertRuleId define(AlertRules rules, TenantId tenant, NewAlertRule rule) {
        AlertRuleId id = rules.create(tenant, rule);
        bury(tenant, rule.course());
        return id;
    }

    /** Disables the rule through {@code rules} and buries its scope's entry; empty when it was not enabled. */
    public Optional<AlertRule> disable(AlertRules rules, TenantId tenant, AlertRuleId rule) {
        Optional<AlertRule> disabled = rules.disable(tenant, rule);
        disabled.ifPresent(changed -> bury(tenant, changed.course()));
        return disabled;
    }

    private void bury(TenantId tenant, Optional<CourseId> scope) {
        cache.ifPresent(tiers -> tiers.invalidate(key(tenant, scope)));
    }

    private static List<AlertRule> read(TieredCache tiers, TenantId tenant, Optional<CourseId> scope) {
        return tiers.read(key(tenant, scope)).map(RuleSetBytes::read)
                .orElseThrow(() -> new IllegalStateException("the rule cache's loader returned nothing"));
    }

    private Optional<byte[]> load(String key) {
        int slash = key.indexOf('/');
        TenantId tenant = new TenantId(UUID.fromString(slash < 0 ? key : key.substring(0, slash)));
        Optional<CourseId> scope = slash < 0 ? Optional.empty()
                : Optional.of(new CourseId(UUID.fromString(key.substring(slash + 1))));
        // The primary: a set loaded from a lagging replica after a burial would be served until it expires.
        return Optional.of(RuleSetBytes.write(store.alertRules().ofScope(tenant, scope,
                Consistency.READ_YOUR_WRITES)));
    }

    /** Tenant and course ids; the grid only ever sees a keyed hash of this. */
    private static String key(TenantId tenant, Optional<CourseId> scope) {
        return scope.map(course -> tenant.value() + "/" + course.value()).orElseGet(() -> tenant.value().toString());
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
    private static final Comparator<AlertRule> IN_STORE_ORDER = Comparator
            .comparing((AlertRule rule) -> rule.id().value(), Comparator
                    .comparing((Function<UUID, Long>) UUID::getMostSignificantBits, Long::compareUnsigned)
                    .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));
}
