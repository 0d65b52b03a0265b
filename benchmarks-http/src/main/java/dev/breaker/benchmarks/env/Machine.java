package dev.breaker.benchmarks.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The machine a run happened on, for the record next to its numbers. */
public final class Machine {

    private Machine() {
    }

    /** CPU model, cores, JDK, OS and today's date, as one sentence. */
    public static String describe() {
        return "Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ". Date: " + LocalDate.now() + ".\n";
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
