package com.example.garmentclassifier.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How long each cell runs and where things are, from system properties (the {@code benchmark}
 * Maven profile forwards {@code -Dbenchmark.*} from the mvn command line):
 * <ul>
 *   <li>{@code benchmark.short=true}: 2 s warm-up + 3 s measured, for smoke checks</li>
 *   <li>{@code benchmark.warmup}, {@code benchmark.seconds}: warm-up and measured seconds per cell
 *       (default 5 and 10; win over {@code benchmark.short})</li>
 *   <li>{@code benchmark.out}: report directory (default target/benchmark)</li>
 * </ul>
 * The first program argument, if any, is the service jar (default target/garment-classifier.jar).
 * Blank values count as unset, because the profile passes every property, set or not.
 *
 * @param jar      the packaged service
 * @param outDir   where reports and service logs go
 * @param warmUp   per cell, not measured: connections open, JIT and the engine warm up
 * @param measured per cell, the window the numbers describe
 */
public record BenchmarkSettings(Path jar, Path outDir, Duration warmUp, Duration measured) {

    public static BenchmarkSettings from(String[] args) {
        boolean smoke = Boolean.parseBoolean(property("benchmark.short", "false"));
        Path jar = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "target/garment-classifier.jar");
        Path out = Path.of(property("benchmark.out", "target/benchmark"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(property("benchmark.warmup", smoke ? "2" : "5")));
        Duration measured = Duration.ofSeconds(Long.parseLong(property("benchmark.seconds", smoke ? "3" : "10")));
        if (!Files.isRegularFile(jar)) {
            // Checked here, not only at service start, so a missing jar fails before the engine benchmark runs.
            throw new IllegalArgumentException(jar + " not found: package the service first"
                    + " (./mvnw -DskipTests package)");
        }
        if (warmUp.isNegative() || measured.isZero() || measured.isNegative()) {
            throw new IllegalArgumentException("benchmark.warmup must be >= 0 and benchmark.seconds > 0");
        }
        return new BenchmarkSettings(jar, out, warmUp, measured);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
