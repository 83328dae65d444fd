package org.margin.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.margin.analysis.WritingAnalysisFunction;
import org.margin.analysis.tool.AnalyzeWritingTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the load driver measures: the writing-analysis function exactly as shipped, plus a trivial {@code echo}
 * tool shaped like the reference server's, so that the two servers are compared on the same work.
 */
public final class LoadTarget {

    private static final String ECHO = "echo";

    private LoadTarget() {
    }

    /**
     * Serves on {@code PORT}, trusting a development issuer made here, and writes an access token for every tool
     * to the file {@code args[0]}, for the load driver's {@code Authorization} header: the measured calls pay for
     * authentication as production calls do (a cached token: a digest and a map lookup).
     */
    public static void main(String[] args) throws IOException {
        String resource = "http://127.0.0.1/mcp";
        DevTokens issuer = DevTokens.generate("https://dev-auth.margin.test");
        Files.writeString(Path.of(args[0]), issuer.issue(DevTokens.Grant.service(resource, "load-driver",
                List.of("analysis:run", "pii:redact"))));
        FunctionRuntime.builder()
                .settings(RuntimeSettings.fromEnvironment().withAccessTokens(issuer.settings(resource)))
                .service(WritingAnalysisFunction.NAME, WritingAnalysisFunction.VERSION)
                .declareTools(AnalyzeWritingTool.NAME, ECHO)
                .mcp(mount -> mount.endpoint(WritingAnalysisFunction.mcp(System.getenv(), Optional.empty()).tool(echo())))
                .build()
                .serve();
    }

    private static Tool echo() {
        ObjectNode input = Json.object();
        input.put("type", "object");
        input.putObject("properties").putObject("message").put("type", "string");
        input.putArray("required").add("message");
        return Tool.builder(ECHO)
                .description("Echoes back the message.")
                .inputSchema(input)
                .annotations(ToolAnnotations.readOnly())
                .handler(context -> ToolResult.text("Echo: " + context.arguments().path("message").asString()))
                .build();
    }
}
