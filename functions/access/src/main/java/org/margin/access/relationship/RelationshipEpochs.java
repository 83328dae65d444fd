package org.margin.access.relationship;

import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * A number per person that changes whenever one of their enrolments changes. Cached decisions are keyed by the
 * epochs of both people they concern, so advancing one epoch retires every decision about that person at once,
 * without listing them.
 */
public interface RelationshipEpochs {

    /** The person's current epoch; 0 for a person whose enrolments never changed (or whose epoch was forgotten). */
    long current(TenantId tenant, PersonId person);

    /** Retires every cached decision about the person; returns once no instance still uses the old epoch. */
    void advance(TenantId tenant, PersonId person);
}
