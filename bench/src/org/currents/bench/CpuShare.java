package org.currents.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over a stretch of time, in cores: by this JVM, and by everything else on the machine
 * (from /proc/stat), so a figure taken while another process shared the cores says so.
 */
final class CpuShare {
    private final long wallStart = System.nanoTime();
    private final long oursStart = processCpuNanos();
    private final long busyStart = machineBusyTicks();

    /** "ours=1.62 others=0.31" (average cores busy since this was made). */
    String since() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double ours = (processCpuNanos() - oursStart) / 1e9 / wall;
        long busy = machineBusyTicks() - busyStart;
        double machine = busy < 0 || busyStart < 0 ? Double.NaN : busy / 100.0 / wall; // USER_HZ = 100
        return String.format("cpu_ours=%.2f cpu_others=%.2f", ours, Math.max(0, machine - ours));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** user + nice + system + irq + softirq + steal ticks of all CPUs, or -1 off Linux. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (Exception e) {
            return -1;
        }
    }
}
