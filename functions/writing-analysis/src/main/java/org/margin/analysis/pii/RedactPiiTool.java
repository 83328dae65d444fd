package org.margin.analysis.pii;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.margin.analysis.tool.Authenticated;
import org.margin.analysis.tool.ToolSchemas;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.redaction.PseudonymTable;
import org.margin.privacy.redaction.RedactedText;
import org.margin.privacy.redaction.RedactionMode;
import org.margin.privacy.redaction.Redactor;
import org.margin.privacy.redaction.Replacement;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code redact_pii} tool: the text with its personal data replaced. Tokens are made here for the caller's
 * institution and resolved only by {@link ResolvePiiTokensTool}, for that institution's administrators.
 */
public final class RedactPiiTool {

    public static final String NAME = "redact_pii";

    private RedactPiiTool() {
    }

    /** Fixed words for a token-mode call by a caller of no institution (a service token without a tenant). */
    static final String NO_INSTITUTION = "Reversible tokens belong to an institution, and this access token names "
            + "none; choose another mode.";

    /** The tool making tokens with {@code tokenKey}, the key {@link ResolvePiiTokensTool} resolves them with. */
    public static Tool tool(TokenKey tokenKey) {
        return Tool.builder(NAME)
                .requiredScopes("pii:redact")
                .title("Redact personal data")
                .description("Returns the text with its personal data replaced, and where each replacement is. "
                        + "Modes: mask (█ per character), type_tag (<PERSON>), pseudonym (PERSON_1, PERSON_2, the "
                        + "same value the same pseudonym within the text) or token (⟦PERSON:…⟧, encrypted for the caller's "
                        + "institution; only its administrators can resolve it, with resolve_pii_tokens). Keeps "
                        + "nothing.")
                .inputSchema(ToolSchemas.load(RedactPiiTool.class, "redact_pii.input.json"))
                .outputSchema(ToolSchemas.load(RedactPiiTool.class, "redact_pii.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(Authenticated.only(context -> call(context, tokenKey)))
                .build();
    }

    private static ToolOutcome call(RequestContext context, TokenKey tokenKey) {
        String mode = context.arguments().path("mode").asString("type_tag");
        return switch (PiiRequest.read(context.arguments())) {
            case PiiRequest.Refused refused -> new ToolError(refused.message());
            case PiiRequest.Accepted accepted when mode.equals("token") -> {
                Optional<UUID> institution = context.caller().flatMap(Caller::tenant);
                if (institution.isEmpty()) {
                    yield new ToolError(NO_INSTITUTION);
                }
                yield switch (tokenKey.tokens()) {
                    case TokenKey.Ready ready -> redact(accepted.request(),
                            new RedactionMode.ReversibleToken(ready.forInstitution(institution.get())), mode);
                    case TokenKey.Unavailable unavailable ->
                            new ToolError(unavailable.message() + "; choose another mode.");
                };
            }
            case PiiRequest.Accepted accepted -> redact(accepted.request(), switch (mode) {
                case "mask" -> RedactionMode.mask();
                case "pseudonym" -> new RedactionMode.Pseudonym(new PseudonymTable());
                default -> new RedactionMode.TypeTag();
            }, mode);
        };
    }

    private static ToolOutcome redact(PiiRequest request, RedactionMode mode, String modeName) {
        List<Finding> findings = PiiScan.findings(request);
        return ToolResult.structured(result(Redactor.redact(request.text(), findings, mode), modeName));
    }

    private static ObjectNode result(RedactedText redacted, String mode) {
        ObjectNode json = Json.object();
        json.put("redactedText", redacted.text());
        json.put("mode", mode);
        ArrayNode replacements = json.putArray("replacements");
        for (Replacement replacement : redacted.replacements()) {
            ObjectNode entry = replacements.addObject();
            entry.put("start", replacement.originalStart());
            entry.put("end", replacement.originalEnd());
            entry.put("redactedStart", replacement.redactedStart());
            entry.put("redactedEnd", replacement.redactedEnd());
            entry.put("type", replacement.type().name());
        }
        return json;
    }
}
