package org.margin.store.local;

/** A role and its password. */
public record Credentials(String user, String password) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
