package org.margin.events.lms;

/** The replay guard's shared memory could not answer; the webhook should be retried later. */
public final class ReplayGuardUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayGuardUnavailable(Throwable cause) {
        super("the replay guard is unavailable", cause);
    }
}
