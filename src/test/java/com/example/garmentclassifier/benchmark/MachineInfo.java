package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The machine and JVM the numbers were taken on: without them a table of milliseconds says little.
 *
 * @param cpuModel "model name" from /proc/cpuinfo
 * @param avx512   whether the CPU flags include avx512f (ONNX Runtime and ND4J pick faster kernels)
 * @param cores    processors available to this JVM (the service sees the same)
 * @param java     runtime version and vendor
 * @param os       kernel name, version and architecture
 * @param date     when the benchmark started, ISO-8601 with offset
 */
public record MachineInfo(String cpuModel, boolean avx512, int cores, String java, String os, String date) {

    public static MachineInfo current() {
        String model = "unknown";
        boolean avx512 = false;
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            model = firstValue(lines, "model name", model);
            avx512 = (" " + firstValue(lines, "flags", "") + " ").contains(" avx512f ");
        } catch (IOException notLinux) {
            // Leave "unknown": the benchmark itself still runs, only the report header is poorer.
        }
        return new MachineInfo(model, avx512, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** Value of the first "key<tab>: value" line; every processor repeats the same one. */
    private static String firstValue(List<String> lines, String key, String fallback) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    @Override
    public String toString() {
        return cpuModel + " (AVX-512 " + (avx512 ? "yes" : "no") + "), " + cores + " cores, Java " + java
                + ", " + os + ", " + date;
    }
}
