package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Startup to ready and idle memory of the packaged service on the committed model, as ops see them:
 * seconds from {@code java -jar} to the readiness probe's 200, then the resident set after
 * {@value #SETTLE_SECONDS} s idle. Two kinds of start: the first one on a new machine (an empty
 * store, seeded from {@code ./model-store}) and a restart on that store. Several jars (say, two
 * builds) are measured in alternating rounds, so they share whatever else the machine is doing.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.example.garmentclassifier.benchmark.StartupBenchmark \
 *   -Dexec.args="3 target/garment-classifier.jar"
 * </pre>
 *
 * The first argument is the number of rounds, the rest are jars (default: the packaged one). Writes
 * {@code target/benchmark/startup.md}.
 */
public final class StartupBenchmark {

    private static final int SETTLE_SECONDS = 10;

    private record Sample(String jar, String kind, double seconds, long rssMb, long peakMb) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.add(Path.of(args[i]));
        }
        if (jars.isEmpty()) {
            jars.add(Path.of("target", "garment-classifier.jar"));
        }
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Path jar : jars) {
                Path store = Files.createTempDirectory("startup-store-");
                try {
                    samples.add(measure(jar, store, "first start (empty store, seeded)"));
                    samples.add(measure(jar, store, "restart"));
                } finally {
                    deleteTree(store);
                }
            }
        }
        String table = table(samples, rounds);
        Path out = Path.of("target", "benchmark", "startup.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.print(table);
        System.out.println("Written to " + out);
    }

    private static Sample measure(Path jar, Path store, String kind) throws IOException, InterruptedException {
        Path log = Path.of("target", "benchmark", "startup-" + jar.getFileName() + ".log");
        long start = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(jar, log,
                List.of("--classifier.model-store=" + store))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(SETTLE_SECONDS * 1000L);
            ProcessMemory memory = service.memory();
            System.out.printf(Locale.ROOT, "%s, %s: ready in %.1f s, %s%n", jar, kind, seconds, memory);
            return new Sample(jar.toString(), kind, seconds, memory.rssMb(), memory.peakMb());
        }
    }

    private static String table(List<Sample> samples, int rounds) {
        StringBuilder out = new StringBuilder("# Startup to ready and idle memory\n\n");
        out.append(MachineInfo.current()).append("\n\n");
        out.append(String.format(Locale.ROOT, "%d rounds; medians (min-max). RSS %d s after ready.%n%n", rounds,
                SETTLE_SECONDS));
        out.append("| jar | start | seconds to ready | idle RSS MB | peak RSS MB |\n|---|---|--:|--:|--:|\n");
        Map<String, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample sample : samples) {
            groups.computeIfAbsent(sample.jar() + "\u0000" + sample.kind(), k -> new ArrayList<>()).add(sample);
        }
        for (List<Sample> group : groups.values()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", group.get(0).jar(), group.get(0).kind(),
                    spread(group.stream().map(Sample::seconds).toList(), "%.1f"),
                    spread(group.stream().map(s -> (double) s.rssMb()).toList(), "%.0f"),
                    spread(group.stream().map(s -> (double) s.peakMb()).toList(), "%.0f")));
        }
        return out.toString();
    }

    private static String spread(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median, sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
