package org.margin.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.margin.grid.Grid;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.delivery.GridDeliveryLedger;
import org.margin.grid.member.LocalGrid;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;

import com.hazelcast.client.config.ClientConfig;

/**
 * What the grid's duplicate check costs each delivery on this machine: a function's {@link GridDeliveryLedger}
 * (the claim of an event's {@code source}+{@code id}, then its mark as handled) on a member in the same process,
 * through a Hazelcast client ({@code client}, as a function run on its own against the launcher's member) or
 * directly ({@code in-process}, as the launcher's functions), from {@code CONCURRENCY} virtual threads for
 * {@code SECONDS} after a warm-up. Prints deliveries per second and the machine's CPU per delivery (from /proc/stat;
 * run it on an otherwise idle machine). Arguments: SECONDS CONCURRENCY [client|in-process].
 */
public final class GridFloor {

    private static final String CLIENT = "client";

    private GridFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3
                || (args.length == 3 && !List.of(CLIENT, Grid.IN_PROCESS).contains(args[2]))) {
            System.err.println("usage: GridFloor SECONDS CONCURRENCY [client|in-process]");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        boolean inProcess = args.length == 3 && args[2].equals(Grid.IN_PROCESS);
        String cluster = "margin-floor-" + UUID.randomUUID();
        try (LocalGrid member = LocalGrid.start(cluster, 5801, 1)) {
            ClientConfig client = GridConfigs.client(GridProfile.LOCAL);
            client.setClusterName(cluster);
            client.getNetworkConfig().setAddresses(member.addresses());
            Grid.Builder builder = inProcess ? Grid.builder().inProcess(cluster) : Grid.builder().clientConfig(client);
            try (Grid grid = builder.pseudonymKey(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .build()) {
                grid.connect();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!grid.trusted() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                GridDeliveryLedger ledger = GridDeliveryLedger.create(grid, "floor");
                FloorRun run = FloorRun.measure(concurrency, Duration.ofSeconds(5), Duration.ofSeconds(seconds), () -> {
                    String id = UUID.randomUUID().toString();
                    if (ledger.claim("/margin/floor", id) != DeliveryLedger.Claim.CLAIMED) {
                        return false;
                    }
                    ledger.handled("/margin/floor", id);
                    return true;
                });
                System.out.printf("grid=%s deliveries=%d not_granted=%d seconds=%.1f concurrency=%d cores=%d%n",
                        inProcess ? Grid.IN_PROCESS : CLIENT, run.succeeded(), run.failed(), run.seconds(), concurrency,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("deliveries_per_s=%.0f machine_cpu_per_delivery_us=%.0f (busy %.1f of %.1f core-s)%n",
                        run.perSecond(), run.cpuMicrosEach(), run.busyCoreSeconds(), run.coreSeconds());
            }
        }
    }

}
