package org.margin.runtime.mcp.completion;

import java.util.Objects;

/**
 * Argument completion for one argument of a prompt or of a resource template.
 *
 * @param referenceType {@code ref/prompt} or {@code ref/resource}
 * @param reference     the prompt's name or the template's URI template
 * @param argument      the argument's name
 * @param completer     suggests values
 */
public record Completion(String referenceType, String reference, String argument, Completer completer) {

    public Completion {
        Objects.requireNonNull(referenceType, "referenceType");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(completer, "completer");
    }

    public static Completion forPrompt(String promptName, String argument, Completer completer) {
        return new Completion("ref/prompt", promptName, argument, completer);
    }

    public static Completion forResourceTemplate(String uriTemplate, String argument, Completer completer) {
        return new Completion("ref/resource", uriTemplate, argument, completer);
    }

    /** The key this completion is found under. */
    public String key() {
        return key(referenceType, reference, argument);
    }

    public static String key(String referenceType, String reference, String argument) {
        return referenceType + '\u0000' + reference + '\u0000' + argument;
    }
}
