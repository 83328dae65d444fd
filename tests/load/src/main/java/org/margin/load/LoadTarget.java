package org.margin.load;

import org.margin.analysis.WritingAnalysisFunction;
import org.margin.analysis.tool.AnalyzeWritingTool;
import org.margin.runtime.FunctionRuntime;
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

    public static void main(String[] args) {
        FunctionRuntime.builder()
                .service(WritingAnalysisFunction.NAME, WritingAnalysisFunction.VERSION)
                .declareTools(AnalyzeWritingTool.NAME, ECHO)
                .mcp(mount -> mount.endpoint(WritingAnalysisFunction.mcp().tool(echo())))
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
