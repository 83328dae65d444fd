package org.margin.audit.entry;

/** What the actor of an entry was to Margin when it acted (the caller's role of the request). */
public enum ActorRole {
    STUDENT,
    EDUCATOR,
    ADMINISTRATOR,
    SERVICE
}
