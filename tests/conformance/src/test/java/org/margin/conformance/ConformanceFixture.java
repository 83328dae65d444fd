package org.margin.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.margin.runtime.McpMount;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.mcp.completion.Completion;
import org.margin.runtime.mcp.content.Content;
import org.margin.runtime.mcp.input.ClientCapability;
import org.margin.runtime.mcp.input.InputRequest;
import org.margin.runtime.mcp.input.LogLevel;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.InputRequired;
import org.margin.runtime.mcp.outcome.PromptOutcome;
import org.margin.runtime.mcp.outcome.PromptResult;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.prompt.Prompt;
import org.margin.runtime.mcp.prompt.PromptArgument;
import org.margin.runtime.mcp.prompt.PromptMessage;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.resource.Resource;
import org.margin.runtime.mcp.resource.ResourceContents;
import org.margin.runtime.mcp.resource.ResourceTemplate;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server the official conformance suite expects: the tools, resources, prompts and completions its
 * scenarios call, with the outputs they check, built on the runtime's MCP engine.
 */
final class ConformanceFixture {

    /** A 1x1 red PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
    /** Eight samples of 8 kHz 8-bit mono silence. */
    static final String WAV = "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA==";

    private ConformanceFixture() {
    }

    /** The fixture's tools, in the order {@code tools/list} shows them. */
    static List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        contentTools(tools);
        notifyingTools(tools);
        legacyInputTools(tools);
        inputRequiredTools(tools);
        return tools;
    }

    /**
     * The fixture as an MCP endpoint wired to the runtime's telemetry and request-state key, but without the
     * resource server {@link McpMount#endpoint} adds: the official suite sends no access tokens. Only this fixture
     * is built open; every function goes through {@code McpMount.endpoint}.
     */
    static McpServer server(McpMount mount) {
        McpServer.Builder builder = McpServer.builder()
                .serverInfo("margin-conformance-fixture", "0.1.0")
                .title("Margin conformance fixture")
                .instructions("A server exposing the fixtures of the MCP conformance suite.");
        tools().forEach(builder::tool);
        resources(builder);
        prompts(builder);
        builder.completion(Completion.forPrompt("test_prompt_with_arguments", "arg1",
                (partial, arguments) -> List.of("paris", "park", "party").stream()
                        .filter(value -> value.startsWith(partial)).toList()));
        return builder.observer(mount.observer()).requestStateSecret(mount.requestStateSecret().bytes()).build();
    }

    private static void contentTools(List<Tool> tools) {
        tools.add(tool("test_simple_text", "Returns a simple text response",
                context -> ToolResult.text("This is a simple text response for testing.")));
        tools.add(tool("test_image_content", "Returns an image",
                context -> ToolResult.of(new Content.Image(PNG, "image/png"))));
        tools.add(tool("test_audio_content", "Returns audio",
                context -> ToolResult.of(new Content.Audio(WAV, "audio/wav"))));
        tools.add(tool("test_embedded_resource", "Returns an embedded resource",
                context -> ToolResult.of(new Content.EmbeddedResource(new ResourceContents.Text(
                        "test://embedded-resource", "text/plain", "This is an embedded resource content.")))));
        tools.add(tool("test_multiple_content_types", "Returns text, an image and a resource",
                context -> ToolResult.of(Content.text("Multiple content types test:"),
                        new Content.Image(PNG, "image/png"),
                        new Content.EmbeddedResource(new ResourceContents.Text("test://mixed-content-resource",
                                "application/json", "{\"test\":\"data\",\"value\":123}")))));
        tools.add(tool("test_error_handling", "Always fails",
                context -> new ToolError("This tool intentionally returns an error for testing")));
        tools.add(Tool.builder("json_schema_2020_12_tool")
                .description("Tool with JSON Schema 2020-12 features")
                .inputSchema(jsonSchema2020Features())
                .handler(context -> ToolResult.text("Schema accepted"))
                .build());
    }

    private static void notifyingTools(List<Tool> tools) {
        tools.add(tool("test_tool_with_logging", "Logs three messages while it works", context -> {
            log(context, "Tool execution started");
            Thread.sleep(50);
            log(context, "Tool processing data");
            Thread.sleep(50);
            log(context, "Tool execution completed");
            return ToolResult.text("Logging test completed");
        }));
        tools.add(tool("test_logging_tool", "Logs one message", context -> {
            log(context, "Logging tool ran");
            return ToolResult.text("Logged");
        }));
        tools.add(tool("test_reconnection", "Closes its response stream mid-call; the client resumes it", context -> {
            context.releaseConnection();
            Thread.sleep(200);
            return ToolResult.text("Reconnection test completed");
        }));
        tools.add(tool("test_tool_with_progress", "Reports progress while it works", context -> {
            context.progress(0, 100.0, null);
            Thread.sleep(50);
            context.progress(50, 100.0, null);
            Thread.sleep(50);
            context.progress(100, 100.0, null);
            return ToolResult.text("Progress test completed");
        }));
    }

    private static void legacyInputTools(List<Tool> tools) {
        tools.add(Tool.builder("test_sampling")
                .description("Asks the client's model to answer a prompt")
                .inputSchema(stringArguments("prompt"))
                .handler(context -> context.inputResponse("answer")
                        .<ToolOutcome>map(answer -> ToolResult.text("LLM response: " + answer.path("content").path("text").asString("")))
                        .orElseGet(() -> InputRequired.of("answer",
                                InputRequest.Sampling.of(context.arguments().path("prompt").asString(), 100))))
                .build());
        tools.add(Tool.builder("test_elicitation")
                .description("Asks the user for a name and an email address")
                .inputSchema(stringArguments("message"))
                .handler(context -> elicit(context, "user", context.arguments().path("message").asString(),
                        form(Map.of("username", "User's response", "email", "User's email address")), "User response: "))
                .build());
        tools.add(tool("test_elicitation_sep1034_defaults", "Elicits a form whose fields have defaults",
                context -> elicit(context, "form", "Please review and update the form fields with defaults",
                        defaultsForm(), "Elicitation completed: ")));
        tools.add(tool("test_elicitation_sep1330_enums", "Elicits a form with every kind of enum",
                context -> elicit(context, "form", "Please select options from the enum fields", enumsForm(),
                        "Elicitation completed: ")));
        tools.add(tool("test_streaming_elicitation", "Asks the user a question before it answers",
                context -> elicit(context, "answer", "Please share a word", form(Map.of("word", "A word")),
                        "Elicitation completed: ")));
        tools.add(tool("test_missing_capability", "Needs the client's model",
                context -> context.inputResponse("answer")
                        .<ToolOutcome>map(answer -> ToolResult.text("Sampled"))
                        .orElseGet(() -> InputRequired.of("answer", InputRequest.Sampling.of("Say hello", 20)))));
    }

    private static void inputRequiredTools(List<Tool> tools) {
        tools.add(tool("test_input_required_result_elicitation", "Asks for the user's name", context ->
                context.inputResponse("user_name")
                        .<ToolOutcome>map(answer -> ToolResult.text("Hello, " + answer.path("content").path("name").asString("") + "!"))
                        .orElseGet(() -> InputRequired.of("user_name",
                                new InputRequest.Elicitation("What is your name?", form(Map.of("name", "Your name")))))));
        tools.add(tool("test_input_required_result_sampling", "Asks the client's model a question", context ->
                context.inputResponse("capital_question")
                        .<ToolOutcome>map(answer -> ToolResult.text("The model said: " + answer.path("content").path("text").asString("")))
                        .orElseGet(() -> InputRequired.of("capital_question",
                                InputRequest.Sampling.of("What is the capital of France?", 100)))));
        tools.add(tool("test_input_required_result_list_roots", "Asks for the client's roots", context ->
                context.inputResponse("client_roots")
                        .<ToolOutcome>map(answer -> ToolResult.text("Roots: " + answer.path("roots").size()))
                        .orElseGet(() -> InputRequired.of("client_roots", new InputRequest.ListRoots()))));
        tools.add(tool("test_input_required_result_request_state", "Confirms, remembering its stage", context -> {
            if (context.inputResponse("confirm").isPresent() && "confirm".equals(context.state().path("stage").asString(""))) {
                return ToolResult.text("state-ok: confirmation received");
            }
            ObjectNode state = Json.object();
            state.put("stage", "confirm");
            return new InputRequired(Map.of("confirm", confirmation()), state);
        }));
        tools.add(tool("test_input_required_result_tampered_state", "Confirms with protected state", context ->
                context.inputResponse("confirm").isPresent()
                        ? ToolResult.text("Confirmed")
                        : InputRequired.of("confirm", confirmation())));
        tools.add(tool("test_input_required_result_multiple_inputs", "Asks three things at once", context -> {
            if (context.inputResponse("user_name").isPresent() && context.inputResponse("greeting").isPresent()
                    && context.inputResponse("client_roots").isPresent()) {
                return ToolResult.text("All three answers received");
            }
            Map<String, InputRequest> requests = new LinkedHashMap<>();
            requests.put("user_name", new InputRequest.Elicitation("What is your name?", form(Map.of("name", "Your name"))));
            requests.put("greeting", InputRequest.Sampling.of("Generate a greeting", 50));
            requests.put("client_roots", new InputRequest.ListRoots());
            return new InputRequired(requests, null);
        }));
        tools.add(tool("test_input_required_result_multi_round", "Asks two questions, one after the other", context -> {
            if (context.inputResponse("step2").isPresent()) {
                return ToolResult.text("Thanks, " + context.state().path("name").asString("") + "!");
            }
            if (context.inputResponse("step1").isPresent()) {
                ObjectNode state = Json.object();
                state.put("name", context.inputResponse("step1").get().path("content").path("name").asString(""));
                return new InputRequired(Map.of("step2", new InputRequest.Elicitation(
                        "Step 2: What is your favorite color?", form(Map.of("color", "A color")))), state);
            }
            return InputRequired.of("step1",
                    new InputRequest.Elicitation("Step 1: What is your name?", form(Map.of("name", "Your name"))));
        }));
        tools.add(tool("test_input_required_result_capabilities", "Asks only what the client can answer", context -> {
            if (context.inputResponse("question").isPresent() || context.inputResponse("form").isPresent()) {
                return ToolResult.text("Answer received");
            }
            Map<String, InputRequest> requests = new LinkedHashMap<>();
            if (context.clientSupports(ClientCapability.SAMPLING)) {
                requests.put("question", InputRequest.Sampling.of("What is 2 + 2?", 10));
            }
            if (context.clientSupports(ClientCapability.ELICITATION)) {
                requests.put("form", new InputRequest.Elicitation("What is your name?", form(Map.of("name", "Your name"))));
            }
            return requests.isEmpty() ? ToolResult.text("The client can answer nothing") : new InputRequired(requests, null);
        }));
    }

    private static void resources(McpServer.Builder builder) {
        builder.resource(Resource.of("test://static-text", "static-text", "A static text resource", "text/plain",
                (uri, variables) -> List.of(new ResourceContents.Text(uri, "text/plain",
                        "This is the content of the static text resource."))));
        builder.resource(Resource.of("test://static-binary", "static-binary", "A static binary resource", "image/png",
                (uri, variables) -> List.of(new ResourceContents.Blob(uri, "image/png", PNG))));
        builder.resource(Resource.of("test://watched-resource", "watched-resource", "A resource to subscribe to",
                "text/plain", (uri, variables) -> List.of(new ResourceContents.Text(uri, "text/plain", "Watched"))));
        builder.resourceTemplate(ResourceTemplate.of("test://template/{id}/data", "template-data",
                "Data for an id", "application/json", (uri, variables) -> {
                    String id = variables.get("id");
                    ObjectNode data = Json.object();
                    data.put("id", id);
                    data.put("templateTest", true);
                    data.put("data", "Data for ID: " + id);
                    return List.of(new ResourceContents.Text(uri, "application/json", Json.MAPPER.writeValueAsString(data)));
                }));
    }

    private static void prompts(McpServer.Builder builder) {
        builder.prompt(Prompt.of("test_simple_prompt", "A prompt without arguments", List.of(),
                context -> PromptResult.of(PromptMessage.user(Content.text("This is a simple prompt for testing.")))));
        builder.prompt(Prompt.of("test_prompt_with_arguments", "A prompt with two arguments",
                List.of(new PromptArgument("arg1", "First test argument", true),
                        new PromptArgument("arg2", "Second test argument", true)),
                context -> PromptResult.of(PromptMessage.user(Content.text("Prompt with arguments: arg1='"
                        + context.arguments().path("arg1").asString() + "', arg2='"
                        + context.arguments().path("arg2").asString() + "'")))));
        builder.prompt(Prompt.of("test_prompt_with_embedded_resource", "A prompt embedding a resource",
                List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)),
                context -> PromptResult.of(
                        PromptMessage.user(new Content.EmbeddedResource(new ResourceContents.Text(
                                context.arguments().path("resourceUri").asString(), "text/plain",
                                "Embedded resource content for testing."))),
                        PromptMessage.user(Content.text("Please process the embedded resource above.")))));
        builder.prompt(Prompt.of("test_prompt_with_image", "A prompt with an image", List.of(),
                context -> PromptResult.of(PromptMessage.user(new Content.Image(PNG, "image/png")),
                        PromptMessage.user(Content.text("Please analyze the image above.")))));
        builder.prompt(Prompt.of("test_input_required_result_prompt", "A prompt that first asks for context", List.of(),
                context -> context.inputResponse("user_context")
                        .<PromptOutcome>map(answer -> PromptResult.of(PromptMessage.user(
                                Content.text("Context: " + answer.path("content").path("context").asString("")))))
                        .orElseGet(() -> InputRequired.of("user_context", new InputRequest.Elicitation(
                                "What context should the prompt use?", form(Map.of("context", "The context")))))));
    }

    private static Tool tool(String name, String description, ToolHandler handler) {
        return Tool.builder(name).description(description).handler(handler).build();
    }

    private static void log(RequestContext context, String message) {
        context.log(LogLevel.INFO, "conformance", Json.NODES.stringNode(message));
    }

    private static ToolOutcome elicit(RequestContext context, String key, String message, ObjectNode schema,
                                      String prefix) {
        return context.inputResponse(key)
                .<ToolOutcome>map(answer -> ToolResult.text(prefix + "action=" + answer.path("action").asString("")
                        + ", content=" + answer.path("content")))
                .orElseGet(() -> InputRequired.of(key, new InputRequest.Elicitation(message, schema)));
    }

    private static InputRequest confirmation() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties").putObject("ok").put("type", "boolean");
        schema.putArray("required").add("ok");
        return new InputRequest.Elicitation("Please confirm", schema);
    }

    /** A form of required string fields, by name and description. */
    private static ObjectNode form(Map<String, String> fields) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        fields.forEach((name, description) -> {
            ObjectNode field = properties.putObject(name);
            field.put("type", "string");
            field.put("description", description);
        });
        fields.keySet().forEach(schema.putArray("required")::add);
        return schema;
    }

    private static ObjectNode stringArguments(String required) {
        ObjectNode schema = Tool.noArguments();
        ((ObjectNode) schema.get("properties")).putObject(required).put("type", "string");
        schema.putArray("required").add(required);
        return schema;
    }

    private static ObjectNode defaultsForm() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("name").put("type", "string").put("description", "User name").put("default", "John Doe");
        properties.putObject("age").put("type", "integer").put("description", "User age").put("default", 30);
        properties.putObject("score").put("type", "number").put("description", "User score").put("default", 95.5);
        ObjectNode status = properties.putObject("status").put("type", "string").put("description", "User status");
        status.putArray("enum").add("active").add("inactive").add("pending");
        status.put("default", "active");
        properties.putObject("verified").put("type", "boolean").put("description", "Verification status").put("default", true);
        return schema;
    }

    private static ObjectNode enumsForm() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode untitledSingle = properties.putObject("untitledSingle").put("type", "string");
        untitledSingle.putArray("enum").add("option1").add("option2").add("option3");
        ObjectNode titledSingle = properties.putObject("titledSingle").put("type", "string");
        titledSingle.putArray("oneOf")
                .add(titled("value1", "First Option")).add(titled("value2", "Second Option")).add(titled("value3", "Third Option"));
        ObjectNode legacy = properties.putObject("legacyEnum").put("type", "string");
        legacy.putArray("enum").add("opt1").add("opt2").add("opt3");
        legacy.putArray("enumNames").add("Option One").add("Option Two").add("Option Three");
        ObjectNode untitledMulti = properties.putObject("untitledMulti").put("type", "array");
        untitledMulti.putObject("items").put("type", "string").putArray("enum").add("option1").add("option2").add("option3");
        ObjectNode titledMulti = properties.putObject("titledMulti").put("type", "array");
        titledMulti.putObject("items").putArray("anyOf")
                .add(titled("value1", "First Choice")).add(titled("value2", "Second Choice")).add(titled("value3", "Third Choice"));
        return schema;
    }

    private static JsonNode titled(String value, String title) {
        return Json.object().put("const", value).put("title", title);
    }

    private static ObjectNode jsonSchema2020Features() {
        ObjectNode schema = Json.object();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        ObjectNode address = schema.putObject("$defs").putObject("address");
        address.put("$anchor", "addressDef");
        address.put("type", "object");
        ObjectNode addressProperties = address.putObject("properties");
        addressProperties.putObject("street").put("type", "string");
        addressProperties.putObject("city").put("type", "string");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("name").put("type", "string");
        properties.putObject("address").put("$ref", "#/$defs/address");
        properties.putObject("contactMethod").put("type", "string").putArray("enum").add("phone").add("email");
        properties.putObject("phone").put("type", "string");
        properties.putObject("email").put("type", "string");
        ObjectNode anyOf = schema.putArray("allOf").addObject();
        anyOf.putArray("anyOf").add(required("phone")).add(required("email"));
        ObjectNode condition = schema.putObject("if");
        condition.putObject("properties").putObject("contactMethod").put("const", "phone");
        condition.putArray("required").add("contactMethod");
        schema.set("then", required("phone"));
        schema.set("else", required("email"));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode required(String property) {
        ObjectNode node = Json.object();
        node.putArray("required").add(property);
        return node;
    }
}
