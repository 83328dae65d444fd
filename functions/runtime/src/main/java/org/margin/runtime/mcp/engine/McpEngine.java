package org.margin.runtime.mcp.engine;

import java.nio.charset.StandardCharsets;

import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.protocol.JsonRpcError;
import org.margin.runtime.mcp.protocol.McpException;
import org.margin.runtime.mcp.protocol.Revision;
import org.margin.runtime.mcp.session.SessionState;
import org.margin.runtime.mcp.session.SessionStore;
import org.margin.runtime.telemetry.ToolCallObserver;

import tools.jackson.databind.node.ObjectNode;

/**
 * Answers MCP requests, whatever the transport: maps each method to the part of the server that serves it and
 * returns the JSON bytes of the result. Knows nothing of any function's domain.
 */
public final class McpEngine {

    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);

    private final ServerDescription server;
    private final Catalog catalog;
    private final ToolCalls toolCalls;
    private final PromptGets promptGets;
    private final ResourceReads resourceReads;
    private final Completions completions;
    private final SessionStore sessions;

    public McpEngine(ServerDescription server, RequestStateCodec codec, ToolCallObserver observer,
                     SessionStore sessions) {
        this.server = server;
        this.catalog = new Catalog(server);
        Rounds rounds = new Rounds(codec);
        this.toolCalls = new ToolCalls(server.toolsByName(), rounds, observer);
        this.promptGets = new PromptGets(server.promptsByName(), rounds);
        this.resourceReads = new ResourceReads(server.resourcesByUri(), server.templates());
        this.completions = new Completions(server.completionsByKey());
        this.sessions = sessions;
    }

    /**
     * Does now the one-time work that would otherwise fall on the first requests (compiling the tools' schemas); a
     * request that comes meanwhile waits for the same work rather than repeating it.
     */
    public void prepare() {
        toolCalls.prepare();
    }

    public ServerDescription server() {
        return server;
    }

    /**
     * Serves one request.
     *
     * @return the JSON bytes of its result
     * @throws McpException when the request fails with a JSON-RPC error
     */
    public byte[] handle(String method, ObjectNode params, Conversation conversation) {
        boolean stateless = conversation.stateless();
        return switch (method) {
            case "tools/list" -> {
                requireOffered(!server.toolsByName().isEmpty(), method);
                Params.rejectCursor(params);
                yield conversation.caller()
                        .map(caller -> catalog.tools(conversation.revision(), caller))
                        .orElseGet(() -> catalog.tools(conversation.revision()));
            }
            case "tools/call" -> {
                requireOffered(!server.toolsByName().isEmpty(), method);
                yield Json.bytes(toolCalls.call(params, conversation));
            }
            case "prompts/list" -> {
                requireOffered(!server.promptsByName().isEmpty(), method);
                Params.rejectCursor(params);
                yield catalog.prompts(conversation.revision());
            }
            case "prompts/get" -> {
                requireOffered(!server.promptsByName().isEmpty(), method);
                yield Json.bytes(promptGets.get(params, conversation));
            }
            case "resources/list" -> {
                requireOffered(offersResources(), method);
                Params.rejectCursor(params);
                yield catalog.resources(conversation.revision());
            }
            case "resources/templates/list" -> {
                requireOffered(offersResources(), method);
                Params.rejectCursor(params);
                yield catalog.templates(conversation.revision());
            }
            case "resources/read" -> {
                requireOffered(offersResources(), method);
                yield Json.bytes(resourceReads.read(params, conversation));
            }
            case "completion/complete" -> {
                requireOffered(!server.completionsByKey().isEmpty(), method);
                yield Json.bytes(completions.complete(params, conversation));
            }
            case "server/discover" -> {
                requireOffered(stateless, method);
                yield catalog.discover();
            }
            case "ping" -> {
                requireOffered(!stateless, method);
                yield EMPTY_RESULT;
            }
            case "logging/setLevel" -> {
                requireOffered(!stateless, method);
                String wire = Params.requiredString(params, "level");
                LogLevel level = LogLevel.of(wire)
                        .orElseThrow(() -> new McpException(
                                JsonRpcError.invalidParams("unknown log level; use one of the RFC 5424 level names")));
                sessions.put(conversation.session().withLogLevel(level));
                yield EMPTY_RESULT;
            }
            case "resources/subscribe", "resources/unsubscribe" -> {
                requireOffered(!stateless && offersResources(), method);
                String uri = Params.requiredString(params, "uri");
                SessionState session = conversation.session();
                sessions.put(session.withSubscription(uri, method.equals("resources/subscribe")));
                yield EMPTY_RESULT;
            }
            default -> throw new McpException(JsonRpcError.methodNotFound(method));
        };
    }

    /** The result of {@code initialize} for a session that agreed on {@code revision}. */
    public byte[] initializeResult(Revision revision) {
        ObjectNode result = Json.object();
        result.put("protocolVersion", revision.wire());
        result.set("capabilities", server.capabilities(revision));
        result.set("serverInfo", server.serverInfo());
        if (server.instructions() != null) {
            result.put("instructions", server.instructions());
        }
        return Json.bytes(result);
    }

    private boolean offersResources() {
        return !server.resourcesByUri().isEmpty() || !server.templates().isEmpty();
    }

    private static void requireOffered(boolean offered, String method) {
        if (!offered) {
            throw new McpException(JsonRpcError.methodNotFound(method));
        }
    }
}
