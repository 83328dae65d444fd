package org.margin.benchmarks.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.margin.runtime.auth.Authentication;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.ResourceServer;
import org.margin.runtime.auth.Role;
import org.margin.runtime.auth.TokenVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An MCP request's authentication on a warm instance: the {@code Authorization} header of one of 1,000 callers
 * whose tokens were verified before (a SHA-256 and a map lookup), and, for comparison, a full ES256 verification
 * of a token not seen before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccessTokenBenchmark {

    private static final String RESOURCE = "https://profiling.example.org/mcp";
    private static final int CALLERS = 1_000;

    private ResourceServer server;
    private TokenVerifier verifier;
    private final List<List<String>> headers = new ArrayList<>();
    private String token;
    private int next;

    @Setup
    public void setUp() {
        DevTokens issuer = DevTokens.generate("https://auth.example.org");
        server = ResourceServer.of(issuer.settings(RESOURCE));
        verifier = TokenVerifier.of(issuer.settings(RESOURCE));
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < CALLERS; i++) {
            String header = "Bearer " + issuer.issue(DevTokens.Grant.person(RESOURCE, Role.EDUCATOR, tenant,
                    UUID.randomUUID(), List.of("profiles:read", "alerts:read")));
            headers.add(List.of(header));
            if (!(server.authenticate(List.of(header), null) instanceof Authentication.Authenticated)) {
                throw new IllegalStateException("a valid token was refused");
            }
        }
        token = headers.getFirst().getFirst().substring(7);
    }

    @Benchmark
    public Authentication cachedToken() {
        List<String> header = headers.get(next++ % CALLERS);
        return server.authenticate(header, null);
    }

    @Benchmark
    public TokenVerifier.Verified fullVerification() throws Exception {
        return verifier.verify(token);
    }
}
