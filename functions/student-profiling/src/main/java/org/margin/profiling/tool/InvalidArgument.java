package org.margin.profiling.tool;

/** An argument the input schema lets through but the tool cannot use; its message goes to the client as is. */
final class InvalidArgument extends RuntimeException {

    InvalidArgument(String message) {
        super(message, null, false, false);
    }
}
