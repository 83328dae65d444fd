package org.margin.store.tenant;

/** The roles row-level security tells apart, as {@code app.actor_role} names them. */
public enum ActorRole {
    /** Own rows only. */
    STUDENT("student"),
    /** Rows of the students enrolled today in a course the educator teaches today. */
    EDUCATOR("educator"),
    /** The whole tenant. */
    ADMINISTRATOR("administrator"),
    /** The whole tenant: event processing. */
    SERVICE("service");

    private final String setting;

    ActorRole(String setting) {
        this.setting = setting;
    }

    /** The value of {@code app.actor_role}. */
    public String setting() {
        return setting;
    }
}
