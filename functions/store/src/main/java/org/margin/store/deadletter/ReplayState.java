package org.margin.store.deadletter;

/** Which dead letters a listing shows by whether they were replayed. */
public enum ReplayState {
    ANY,
    REPLAYED,
    NOT_REPLAYED
}
