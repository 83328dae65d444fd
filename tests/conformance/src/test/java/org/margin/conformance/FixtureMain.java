package org.margin.conformance;

/**
 * Serves the conformance fixture on a fixed port until stopped, for running the suite or a load driver by hand:
 * {@code java -cp <test classpath> org.margin.conformance.FixtureMain 8931}.
 */
public final class FixtureMain {

    private FixtureMain() {
    }

    public static void main(String[] args) {
        FixtureServer fixture = FixtureServer.start(args.length > 0 ? Integer.parseInt(args[0]) : 8931);
        System.out.println("MCP conformance fixture at " + fixture.mcpUrl());
    }
}
