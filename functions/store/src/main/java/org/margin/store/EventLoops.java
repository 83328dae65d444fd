package org.margin.store;

import reactor.netty.resources.LoopResources;

/**
 * The event loops that every connection pool of a process shares: one per processor. Without it the driver uses
 * Reactor Netty's default, at least four loops whatever the machine; on two cores four loops cost a launcher
 * 0.6-1.6 ms more CPU per submission in alternated runs (tests/load/README.md), and a function's pod of one core
 * would run four. Their threads start with the first connection, as daemons, so they never hold a process open.
 */
final class EventLoops {

    static final LoopResources SHARED = LoopResources.create("margin-store",
            Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private EventLoops() {
    }
}
