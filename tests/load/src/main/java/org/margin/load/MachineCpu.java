package org.margin.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time, all cores, from the first line of Linux's /proc/stat: what the floors divide by their
 * operations, so that a database or grid member's share is counted with the driver's. Meaningful on an otherwise
 * idle machine only.
 */
record MachineCpu(long busyTicks, long totalTicks) {

    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    static MachineCpu now() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int field = 1; field < fields.length; field++) {
            total += Long.parseLong(fields[field]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new MachineCpu(total - idle, total);
    }

    /** Busy core-seconds since {@code before}. */
    double busySecondsSince(MachineCpu before) {
        return (busyTicks - before.busyTicks) / TICKS_PER_SECOND;
    }

    /** Core-seconds, busy or not, since {@code before}. */
    double coreSecondsSince(MachineCpu before) {
        return (totalTicks - before.totalTicks) / TICKS_PER_SECOND;
    }
}
