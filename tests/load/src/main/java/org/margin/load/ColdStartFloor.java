package org.margin.load;

import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.margin.runtime.RuntimeSettings;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The start-up floor of Margin's stack, for {@link ColdStart} to time against a function: the same libraries on
 * the same class path, none of Margin's code. {@code hello} is a Helidon SE server that answers {@code POST /mcp}
 * with a fixed body. {@code stack} is what any MCP tool call must do on these libraries: check the ES256 bearer
 * token against the JWKS of the environment (Nimbus JOSE), read the JSON-RPC body and write the answer with
 * Jackson 3, validate the structured content against a JSON Schema 2020-12 (networknt), and count the call and
 * trace it with the OpenTelemetry SDK (a Prometheus reader, no exporter). As the runtime does, the libraries are set up
 * on a second thread while Helidon starts on the main one.
 */
public final class ColdStartFloor {

    private static final String FIXED = """
            {"jsonrpc":"2.0","id":1,"result":{"content":[],"structuredContent":{},"resultType":"complete"}}""";
    private static final String OUTPUT_SCHEMA = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"words":{"type":"integer","minimum":0},"characters":{"type":"integer","minimum":0}},
             "required":["words","characters"],"additionalProperties":false}""";

    private ColdStartFloor() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Set.of("hello", "stack").contains(args[0])) {
            System.err.println("usage: ColdStartFloor hello|stack   (PORT from the environment, default 8080)");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Handler handler;
        if (args[0].equals("hello")) {
            handler = (request, response) -> {
                request.content().consume();
                response.header("Content-Type", "application/json").send(FIXED);
            };
        } else {
            CompletableFuture<Stack> stack = new CompletableFuture<>();
            Thread.ofPlatform().name("floor-start").start(() -> {
                try {
                    stack.complete(Stack.create());
                } catch (RuntimeException failed) {
                    stack.completeExceptionally(failed);
                }
            });
            handler = (request, response) -> {
                String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
                byte[] body = request.content().as(byte[].class);
                Stack ready = stack.join();
                if (!ready.verified(authorization)) {
                    response.status(Status.UNAUTHORIZED_401).send();
                    return;
                }
                response.header("Content-Type", "application/json").send(ready.answer(body));
            };
        }
        WebServer.builder().port(port).routing(routing -> routing.post("/mcp", handler)).build().start();
    }

    /** What a call needs of the libraries, built once. */
    private record Stack(DefaultJWTProcessor<SecurityContext> tokens, JsonMapper json, Schema output,
                         LongCounter calls, Tracer tracer) {

        static Stack create() {
            DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();
            tokens.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                    new JOSEObjectType("at+jwt"), null));
            try {
                JWKSet keys = JWKSet.parse(System.getenv(RuntimeSettings.JWKS));
                tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256),
                        new ImmutableJWKSet<>(keys)));
            } catch (ParseException noKeys) {
                throw new IllegalStateException(RuntimeSettings.JWKS + " must hold the issuer's JWKS", noKeys);
            }
            tokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    Set.of(System.getenv(RuntimeSettings.RESOURCE_URI)),
                    new JWTClaimsSet.Builder().issuer(System.getenv(RuntimeSettings.TOKEN_ISSUER)).build(),
                    Set.of("sub", "exp"), Set.of()));
            JsonMapper json = JsonMapper.builder().build();
            Schema output = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(json.readTree(OUTPUT_SCHEMA));
            SdkMeterProvider meters = SdkMeterProvider.builder()
                    .registerMetricReader(PrometheusMetricReader.builder().build()).build();
            LongCounter calls = meters.get("floor").counterBuilder("calls").build();
            Tracer tracer = SdkTracerProvider.builder().build().get("floor");
            return new Stack(tokens, json, output, calls, tracer);
        }

        boolean verified(String authorization) {
            if (!authorization.startsWith("Bearer ")) {
                return false;
            }
            try {
                tokens.process(authorization.substring(7), null);
                return true;
            } catch (ParseException | BadJOSEException | JOSEException rejected) {
                return false;
            }
        }

        String answer(byte[] body) {
            Span span = tracer.spanBuilder("tools/call").startSpan();
            try {
                JsonNode request = json.readTree(body);
                String text = request.path("params").path("arguments").path("text").asString("");
                ObjectNode structured = json.createObjectNode()
                        .put("words", text.isBlank() ? 0 : text.strip().split("\\s+").length)
                        .put("characters", text.length());
                List<Error> problems = output.validate(structured);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the floor's own answer broke its schema");
                }
                ObjectNode result = json.createObjectNode();
                result.put("jsonrpc", "2.0").set("id", request.path("id"));
                ObjectNode payload = result.putObject("result");
                payload.putArray("content").addObject().put("type", "text").put("text", structured.toString());
                payload.set("structuredContent", structured);
                payload.put("resultType", "complete");
                calls.add(1);
                return json.writeValueAsString(result);
            } finally {
                span.end();
            }
        }
    }
}
