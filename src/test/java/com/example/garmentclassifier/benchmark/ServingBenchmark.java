package com.example.garmentclassifier.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-command serving benchmark: the in-process {@link EngineBenchmark}, then POST /classify over
 * HTTP against the packaged jar, started three times as a child process: on the active version with
 * request batching on (the default) and off, and on a second committed version with batching on
 * ({@code -Dbenchmark.compare=VERSION}, by default the distilled network {@code v20261203-134152}). Against each start: 1, 4, 16 and 64 closed-loop clients posting a 28x28 PNG
 * and a 640x560 JPEG, and 1 and 4 clients posting 64 PNGs as one multipart request; service memory
 * idle, after the matrix and at peak. Writes target/benchmark/serving-benchmark.md and .json (service
 * logs alongside); exits 1 if any request failed, 2 if the benchmark itself failed. Run on an otherwise
 * idle machine:
 *
 * <pre>
 * ./mvnw -Pbenchmark verify                                  # 5 s warm-up + 10 s per cell: HTTP part ~6 min
 * ./mvnw -Pbenchmark verify -Dbenchmark.short=true           # smoke check: 2 s + 3 s per cell
 * ./mvnw -Pbenchmark verify -Dbenchmark.warmup=10 -Dbenchmark.seconds=30
 * </pre>
 * The profile skips tests, packages the jar and runs this class in its own JVM ({@code -Xmx2g}, ND4J
 * off-heap 2G/4G) with the test classpath. See {@link BenchmarkSettings} for every setting.
 */
public final class ServingBenchmark {

    private static final int[] RAW_BODY_CLIENTS = {1, 4, 16, 64};
    private static final int[] MULTIPART_CLIENTS = {1, 4};

    /** A way to start the service; the args are appended to the command line. */
    private record Mode(String label, String logName, List<String> appArgs) {
    }

    private static final List<Mode> MODES = List.of(
            new Mode("batching on", "service-batching-on.log", List.of()),
            new Mode("batching off", "service-batching-off.log", List.of("--classifier.batching.enabled=false")));
    /**
     * A committed version served beside the active one in the same sitting (batching on), so that two models'
     * figures share one machine state: by default the distilled single network, beside the serving ensemble.
     * {@code -Dbenchmark.compare=} (empty) leaves it out.
     */
    private static final String COMPARE_DEFAULT = "v20261203-134152";

    private ServingBenchmark() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 2;
        }
        // Explicit exit: engine libraries may leave non-daemon native threads that would keep the JVM up.
        // Services still running (after a failure) are stopped by their shutdown hooks.
        System.exit(status);
    }

    /** The whole benchmark; returns the exit status: 0, or 1 if any request failed. */
    private static int run(String[] args) throws Exception {
        long started = System.nanoTime();
        BenchmarkSettings settings = BenchmarkSettings.from(args);
        Files.createDirectories(settings.outDir());
        MachineInfo machine = MachineInfo.current();
        System.out.println("Serving benchmark on " + machine);
        System.out.printf("%d s warm-up + %d s measured per cell; reports in %s%n", settings.warmUp().toSeconds(),
                settings.measured().toSeconds(), settings.outDir());

        String engineMarkdown = EngineBenchmark.run(settings.outDir());

        BenchmarkBody png = BenchmarkBodies.fashionMnistPng();
        BenchmarkBody jpeg = BenchmarkBodies.cataloguePhotoJpeg();
        BenchmarkBody multipart = BenchmarkBodies.multipartOf64Pngs();
        List<BenchmarkBody> bodies = List.of(png, jpeg, multipart);
        BenchmarkReport report = new BenchmarkReport(settings.outDir());
        List<ServiceRun> runs = new ArrayList<>();
        Path markdown = null;
        List<Mode> modes = new ArrayList<>(MODES);
        String compare = System.getProperty("benchmark.compare", COMPARE_DEFAULT).trim();
        if (!compare.isEmpty()) {
            modes.add(new Mode("batching on, " + compare, "service-" + compare + ".log",
                    List.of("--classifier.model-store=" + storeServing(compare, settings.outDir()))));
        }
        for (Mode mode : modes) {
            runs.add(runMatrix(settings, mode, png, jpeg, multipart));
            markdown = report.write(machine, settings, bodies, runs, engineMarkdown);
        }
        System.out.println();
        System.out.println(Files.readString(markdown));
        System.out.println("Written " + markdown + " and " + settings.outDir().resolve(BenchmarkReport.JSON_FILE));
        // Whole-run cost of this JVM (bodies, load generation, reports; the services are children, not counted).
        System.out.printf(Locale.ROOT, "Benchmark JVM: %.1f s CPU in %.1f s wall%n",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1e3,
                (System.nanoTime() - started) / 1e9);
        long errors = runs.stream().flatMap(run -> run.cells().stream()).mapToLong(LoadResult::errors).sum();
        if (errors > 0) {
            System.err.println(errors + " requests failed; see the errors column and the service logs in "
                    + settings.outDir());
        }
        return errors > 0 ? 1 : 0;
    }

    /** A store of its own under the output folder holding the committed {@code version}, active. */
    private static Path storeServing(String version, Path outDir) throws java.io.IOException {
        Path committed = Path.of("model-store", "versions", version);
        if (!Files.isDirectory(committed)) {
            throw new IllegalArgumentException("benchmark.compare names " + version + ", which is not in model-store/");
        }
        Path store = outDir.resolve("store-" + version);
        Path copy = store.resolve("versions").resolve(version);
        Files.createDirectories(copy);
        try (var files = Files.list(committed)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(store.resolve("active-version"), version + "\n");
        return store.toAbsolutePath();
    }

    private static ServiceRun runMatrix(BenchmarkSettings settings, Mode mode, BenchmarkBody png,
                                        BenchmarkBody jpeg, BenchmarkBody multipart) throws Exception {
        System.out.printf("%nStarting the service (%s) %s%n", mode.label(), String.join(" ", mode.appArgs()));
        long starting = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(settings.jar(), settings.outDir().resolve(mode.logName()),
                mode.appArgs())) {
            ProcessMemory idle = service.memory();
            System.out.printf("Ready in %.1f s at %s (pid %d); idle: %s%n", (System.nanoTime() - starting) / 1e9,
                    service.baseUri(), service.pid(), idle);
            HttpLoadGenerator load = new HttpLoadGenerator(service.baseUri(), service::cpuTime);
            List<LoadResult> cells = new ArrayList<>();
            for (int clients : RAW_BODY_CLIENTS) {
                cells.add(runCell(load, settings, mode, png, clients));
                cells.add(runCell(load, settings, mode, jpeg, clients));
            }
            for (int clients : MULTIPART_CLIENTS) {
                cells.add(runCell(load, settings, mode, multipart, clients));
            }
            ProcessMemory after = service.memory();
            System.out.println("After the matrix: " + after);
            return new ServiceRun(mode.label(), mode.appArgs(), idle, after, List.copyOf(cells));
        }
    }

    private static LoadResult runCell(HttpLoadGenerator load, BenchmarkSettings settings, Mode mode,
                                      BenchmarkBody body, int clients) throws InterruptedException {
        LoadResult cell = load.run(body, clients, settings.warmUp(), settings.measured());
        System.out.printf(Locale.ROOT, "%-12s %-12s %2d clients: %8.1f req/s %8.1f images/s  p50 %7.1f  p95 %7.1f"
                        + "  p99 %7.1f  max %7.1f ms  errors %d  CPU load gen %.2f service %.2f%n",
                mode.label(), body.name(), clients, cell.requestsPerSecond(), cell.imagesPerSecond(), cell.p50Ms(),
                cell.p95Ms(), cell.p99Ms(), cell.maxMs(), cell.errors(), cell.clientCpuCores(),
                cell.serverCpuCores());
        if (cell.errors() > 0 || cell.sampleLimitHit()) {
            System.out.println("  outcomes: " + cell.outcomes() + (cell.sampleLimitHit() ? ", sample limit hit" : ""));
        }
        return cell;
    }
}
