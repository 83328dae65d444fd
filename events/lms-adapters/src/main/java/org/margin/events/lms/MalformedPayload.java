package org.margin.events.lms;

/** A payload that breaks its format; the message is fixed words and never quotes the payload. */
final class MalformedPayload extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedPayload(String reason) {
        super(reason, null, false, false);
    }
}
