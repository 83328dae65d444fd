package org.margin.store.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by this JVM and by the PostgreSQL processes, so that a scenario's cost per call can be reported
 * apart from how long the calls waited for a CPU that other processes held.
 */
final class CpuMeter {

    // Linux reports process times in clock ticks of 1/100 s on every common architecture (USER_HZ).
    private static final long NANOS_PER_TICK = 10_000_000;

    record Sample(long clientNanos, long serverNanos) {
    }

    private CpuMeter() {
    }

    static Sample now() {
        long client = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long serverTicks = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(CpuMeter::ticks)
                .sum();
        return new Sample(client, serverTicks * NANOS_PER_TICK);
    }

    static String perCall(Sample before, Sample after, int calls) {
        return String.format("cpu/call: client %.0f us, server %.0f us",
                (after.clientNanos() - before.clientNanos()) / 1e3 / calls,
                (after.serverNanos() - before.serverNanos()) / 1e3 / calls);
    }

    /** utime + stime from /proc/PID/stat; 0 for a process that ended meanwhile. */
    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
