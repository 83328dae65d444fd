package org.margin.deadletters;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;

/**
 * How a dead letter is read and kept: Knative's error extensions, and the event in CloudEvents structured JSON
 * with its data always as {@code data_base64}, so that a replay sends the data byte for byte as it came.
 */
public final class LetterFormat {

    /** The subscriber that kept failing. */
    public static final String ERROR_DESTINATION = "knativeerrordest";
    /** That subscriber's last HTTP status; absent when it never answered. */
    public static final String ERROR_CODE = "knativeerrorcode";
    /** Base64 of the start of its last response body. */
    public static final String ERROR_DATA = "knativeerrordata";

    private static final JsonFormat FORMAT = new JsonFormat().withForceJsonDataToBase64();

    private LetterFormat() {
    }

    public static byte[] toBytes(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    /**
     * The kept event as it is sent again: unchanged but for the error extensions, which described the failed
     * delivery and not the event.
     *
     * @throws io.cloudevents.core.format.EventDeserializationException when the bytes are not a kept event
     */
    public static CloudEvent replayable(byte[] kept) {
        return CloudEventBuilder.from(FORMAT.deserialize(kept))
                .withoutExtension(ERROR_DESTINATION)
                .withoutExtension(ERROR_CODE)
                .withoutExtension(ERROR_DATA)
                .build();
    }

    public static Optional<String> destination(CloudEvent event) {
        return Optional.ofNullable(event.getExtension(ERROR_DESTINATION)).map(Object::toString)
                .filter(destination -> !destination.isBlank());
    }

    /** The last HTTP status, when the sender gave one that is a status code. */
    public static Optional<Integer> status(CloudEvent event) {
        Object code = event.getExtension(ERROR_CODE);
        if (code instanceof Number number) {
            return validStatus(number.intValue());
        }
        if (code == null) {
            return Optional.empty();
        }
        try {
            return validStatus(Integer.parseInt(code.toString().strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> validStatus(int status) {
        return status >= 100 && status <= 599 ? Optional.of(status) : Optional.empty();
    }
}
