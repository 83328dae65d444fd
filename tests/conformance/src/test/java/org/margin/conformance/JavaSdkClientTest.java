package org.margin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/** The official MCP Java SDK client (2025-11-25, streamable HTTP) talks to the fixture over real HTTP. */
class JavaSdkClientTest {

    private static FixtureServer fixture;

    @BeforeAll
    static void start() {
        fixture = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void initialisesListsAndCallsTools() {
        try (McpSyncClient client = client()) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(initialized.serverInfo().name()).isEqualTo("margin-conformance-fixture");

            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("test_simple_text", "test_elicitation", "json_schema_2020_12_tool");

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("test_simple_text", Map.of()));
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(result.content()).singleElement().isInstanceOfSatisfying(McpSchema.TextContent.class,
                    text -> assertThat(text.text()).isEqualTo("This is a simple text response for testing."));
        }
    }

    @Test
    void answersAnElicitationTheServerSendsOnTheResponseStream() {
        try (McpSyncClient client = client()) {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("test_elicitation",
                    Map.of("message", "Who are you?")));
            assertThat(result.content()).singleElement().isInstanceOfSatisfying(McpSchema.TextContent.class,
                    text -> assertThat(text.text()).startsWith("User response: action=accept")
                            .contains("\"username\":\"ada\""));
        }
    }

    @Test
    void seesAToolErrorAsAnErrorResult() {
        try (McpSyncClient client = client()) {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("test_error_handling", Map.of()));
            assertThat(result.isError()).isTrue();
        }
    }

    private static McpSyncClient client() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(fixture.baseUrl())
                .endpoint("/mcp")
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                        Map.of("username", "ada", "email", "ada@example.org")))
                .build();
    }
}
