package org.margin.events;

import java.util.Objects;

/**
 * What reading a CloudEvent against the catalogue gave: its data as a record, or why it was refused. A reason is
 * made of fixed words, the type name and schema locations and keywords; it never quotes the event's data.
 */
public sealed interface EventRead<D extends EventData> {

    /** The event is of a catalogue type and its data passed the type's schema. */
    record Valid<D extends EventData>(EventType type, D data) implements EventRead<D> {
        public Valid {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
        }
    }

    /** The event was refused; it will never become readable, so a broker must not retry it. */
    record Rejected<D extends EventData>(Reason reason, String detail) implements EventRead<D> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why an event was refused. */
    enum Reason {
        /** The {@code type} attribute names no catalogue type, or not the one the reader asked for. */
        UNKNOWN_TYPE,
        /** {@code datacontenttype} is not JSON. */
        NOT_JSON_CONTENT,
        /** {@code dataschema} is not the type's schema. */
        WRONG_SCHEMA,
        /** The event carries no data. */
        NO_DATA,
        /** The data does not parse as JSON. */
        MALFORMED_DATA,
        /** The data breaks the type's schema. */
        SCHEMA_VIOLATION
    }
}
