package org.margin.analysis.pii;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.margin.analysis.tool.Authenticated;
import org.margin.analysis.tool.ToolSchemas;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.log.AuditLog;
import org.margin.privacy.redaction.ReversibleTokenizer;
import org.margin.privacy.redaction.TokenResolution;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code resolve_pii_tokens} tool: the values behind the reversible tokens {@code redact_pii} made for the
 * caller's institution, for that institution's administrators only. Resolving discloses personal data, so every
 * call is first recorded durably in the institution's audit log (who, how many tokens of which types; never a
 * value or a token), and a function with no audit log resolves nothing.
 */
public final class ResolvePiiTokensTool {

    public static final String NAME = "resolve_pii_tokens";
    public static final String SCOPE = "pii:resolve";
    /** At most this many tokens in a text; a list is bounded by the input schema (100). */
    static final int MAX_TOKENS_IN_TEXT = 1_000;

    static final ToolError NOT_ADMINISTRATOR = new ToolError("Resolving reversible tokens is for an institution's "
            + "administrators only; this access token is not an administrator's.");
    static final ToolError UNNAMED = new ToolError("Every resolution is recorded in the audit log under the "
            + "administrator's person id, and this access token names no person; use one that does.");
    static final ToolError NOT_AUDITED = new ToolError("Token resolution is unavailable on this service: it has no "
            + "audit log to record the disclosure in.");
    static final ToolError TOO_MANY_IN_TEXT = new ToolError("The text holds more than " + MAX_TOKENS_IN_TEXT
            + " tokens, more than one call resolves; resolve it in parts.");
    static final ToolError NOT_RECORDED = new ToolError("The audit log could not record this resolution, so nothing "
            + "was resolved; try again shortly.");

    // The token shape redact_pii writes, loosely: anything bracketed that names an upper-case type, so that a
    // damaged token is reported rather than passed over.
    private static final Pattern TOKEN_IN_TEXT = Pattern.compile("\u27e6[A-Z][A-Z_]*:[^\u27e6\u27e7\\s]*\u27e7");

    private final TokenKey tokenKey;
    private final Optional<AuditLog> audit;
    private final Clock clock;

    private ResolvePiiTokensTool(TokenKey tokenKey, Optional<AuditLog> audit, Clock clock) {
        this.tokenKey = tokenKey;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param tokenKey the key {@code redact_pii} makes tokens with
     * @param audit    the function's audit log; without one every call is refused
     */
    public static Tool tool(TokenKey tokenKey, Optional<AuditLog> audit, Clock clock) {
        return Tool.builder(NAME)
                .requiredScopes(SCOPE)
                .title("Resolve reversible personal-data tokens")
                .description("For an institution's administrators: the values behind reversible tokens "
                        + "(⟦PERSON:…⟧) that redact_pii made for the same institution. Give either tokens (up to 100) "
                        + "or a text holding tokens (up to 100,000 characters); a text comes back with its tokens "
                        + "restored. Each token is resolved with its type and value, or rejected with a reason (not "
                        + "a token, malformed, or not made for this institution with this key or altered). Every "
                        + "call is recorded in the institution's audit log first.")
                .inputSchema(ToolSchemas.load(ResolvePiiTokensTool.class, "resolve_pii_tokens.input.json"))
                .outputSchema(ToolSchemas.load(ResolvePiiTokensTool.class, "resolve_pii_tokens.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(Authenticated.only(new ResolvePiiTokensTool(tokenKey, audit, clock)::call))
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Caller caller = context.caller().orElseThrow();
        if (caller.role() != Role.ADMINISTRATOR || caller.tenant().isEmpty()) {
            return NOT_ADMINISTRATOR;
        }
        if (caller.person().isEmpty()) {
            return UNNAMED;
        }
        if (audit.isEmpty()) {
            return NOT_AUDITED;
        }
        return switch (tokenKey.tokens()) {
            case TokenKey.Unavailable unavailable -> new ToolError(unavailable.message() + ".");
            case TokenKey.Ready ready -> resolve(context.arguments(), caller, audit.get(),
                    ready.forInstitution(caller.tenant().get()));
        };
    }

    private ToolOutcome resolve(JsonNode arguments, Caller caller, AuditLog log, ReversibleTokenizer tokenizer) {
        Optional<String> text = arguments.has("text") ? Optional.of(arguments.get("text").asString()) : Optional.empty();
        List<String> given = text.isPresent() ? tokensIn(text.get()) : listed(arguments.path("tokens"));
        if (given.size() > MAX_TOKENS_IN_TEXT) {
            return TOO_MANY_IN_TEXT;
        }
        Map<String, TokenResolution> resolutions = new LinkedHashMap<>();
        for (String token : given) {
            resolutions.computeIfAbsent(token, tokenizer::resolve);
        }
        // A list is answered entry by entry; a text once per distinct token, in order of first appearance.
        List<String> answered = text.isPresent() ? List.copyOf(resolutions.keySet()) : given;
        List<TokenResolution> outcomes = answered.stream().map(resolutions::get).toList();
        try {
            log.recordDurably(new TenantId(caller.tenant().get()), ResolutionRecord.of(clock.instant(),
                    Actor.person(ActorRole.ADMINISTRATOR, caller.person().get()), outcomes));
        } catch (CompletionException notCommitted) {
            return NOT_RECORDED;
        }
        return ToolResult.structured(result(answered, outcomes, text.map(original -> restored(original, resolutions))));
    }

    private static List<String> listed(JsonNode tokens) {
        List<String> listed = new ArrayList<>(tokens.size());
        tokens.forEach(token -> listed.add(token.asString()));
        return listed;
    }

    private static List<String> tokensIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = TOKEN_IN_TEXT.matcher(text);
        while (matcher.find() && found.size() <= MAX_TOKENS_IN_TEXT) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String restored(String text, Map<String, TokenResolution> resolutions) {
        return TOKEN_IN_TEXT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                resolutions.get(match.group()) instanceof TokenResolution.Resolved resolved
                        ? resolved.value() : match.group()));
    }

    private static ObjectNode result(List<String> tokens, List<TokenResolution> answered,
                                     Optional<String> restoredText) {
        ObjectNode json = Json.object();
        ArrayNode entries = json.putArray("resolutions");
        int resolvedCount = 0;
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode entry = entries.addObject();
            entry.put("token", tokens.get(i));
            switch (answered.get(i)) {
                case TokenResolution.Resolved resolved -> {
                    resolvedCount++;
                    entry.put("resolved", true);
                    entry.put("type", resolved.type().name());
                    entry.put("value", resolved.value());
                }
                case TokenResolution.Rejected rejected -> {
                    entry.put("resolved", false);
                    entry.put("reason", rejected.reason().name().toLowerCase(Locale.ROOT));
                    entry.put("message", message(rejected.reason()));
                }
            }
        }
        json.put("resolved", resolvedCount);
        json.put("rejected", tokens.size() - resolvedCount);
        restoredText.ifPresent(restored -> json.put("restoredText", restored));
        return json;
    }

    private static String message(TokenResolution.Reason reason) {
        return switch (reason) {
            case NOT_A_TOKEN -> "Not a token: a token looks like ⟦PERSON:…⟧, as redact_pii writes it.";
            case MALFORMED -> "A malformed token: its type is unknown or its body is damaged.";
            case NOT_RESOLVABLE -> "Not made for this institution with this service's key, or altered since.";
        };
    }
}
