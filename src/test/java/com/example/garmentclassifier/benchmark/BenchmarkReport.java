package com.example.garmentclassifier.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the serving benchmark's results as {@code serving-benchmark.md} (tables for docs/benchmarks.md and
 * issue notes) and {@code serving-benchmark.json} (the same data, for comparing runs by script).
 */
public final class BenchmarkReport {

    static final String MARKDOWN_FILE = "serving-benchmark.md";
    static final String JSON_FILE = "serving-benchmark.json";

    /** The JSON document: everything the Markdown shows, plus the engine section verbatim. */
    public record Contents(MachineInfo machine, long warmUpSeconds, long measuredSeconds,
                           List<String> serviceJvmFlags, List<BodyInfo> bodies, List<ServiceRun> runs,
                           String engineMarkdown) {
    }

    /** A request body as the report describes it; the bytes themselves stay out of the JSON. */
    public record BodyInfo(String name, String description, String contentType, int bytes, int imagesPerRequest) {

        static BodyInfo of(BenchmarkBody body) {
            return new BodyInfo(body.name(), body.description(), body.contentType(), body.bytes().length,
                    body.imagesPerRequest());
        }
    }

    private final Path outDir;

    public BenchmarkReport(Path outDir) {
        this.outDir = outDir;
    }

    /** Writes both files, replacing earlier ones; called after every service run so a crash keeps results. */
    public Path write(MachineInfo machine, BenchmarkSettings settings, List<BenchmarkBody> bodies,
                      List<ServiceRun> runs, String engineMarkdown) throws IOException {
        Files.createDirectories(outDir);
        Contents contents = new Contents(machine, settings.warmUp().toSeconds(), settings.measured().toSeconds(),
                ServiceProcess.PRODUCTION_JVM_FLAGS, bodies.stream().map(BodyInfo::of).toList(), runs,
                engineMarkdown);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(outDir.resolve(JSON_FILE), contents);
        Path markdown = outDir.resolve(MARKDOWN_FILE);
        Files.writeString(markdown, markdown(contents));
        return markdown;
    }

    static String markdown(Contents contents) {
        StringBuilder md = new StringBuilder("# Serving benchmark\n\n");
        MachineInfo machine = contents.machine();
        md.append(String.format(Locale.ROOT, "%s; %s (AVX-512: %s), %d cores; Java %s; %s.%n%n", machine.date(),
                machine.cpuModel(), machine.avx512() ? "yes" : "no", machine.cores(), machine.java(), machine.os()));
        if (contents.engineMarkdown() != null && !contents.engineMarkdown().isBlank()) {
            md.append(contents.engineMarkdown().strip()).append("\n\n");
        }
        md.append("## POST /classify over HTTP\n\n");
        md.append(String.format(Locale.ROOT, "Service: `java %s -jar target/garment-classifier.jar`, started once per"
                        + " mode. Closed-loop clients (each sends its next request when the previous one answered) on"
                        + " the same machine, so they share its cores with the service. Per cell %d s warm-up, then"
                        + " %d s measured. Latency is per request (a multipart request carries 64 images);"
                        + " images/s counts 200 responses only. CPU columns are cores busy during the measured"
                        + " window: the load generator's JVM and the service.%n%n",
                String.join(" ", contents.serviceJvmFlags()), contents.warmUpSeconds(), contents.measuredSeconds()));
        for (BodyInfo body : contents.bodies()) {
            md.append(String.format(Locale.ROOT, "- `%s`: %s, %,d bytes%n", body.name(), body.description(),
                    body.bytes()));
        }
        md.append("\n| mode | body | clients | req/s | images/s | p50 ms | p95 ms | p99 ms | max ms | errors"
                + " | load gen CPU | service CPU |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ServiceRun run : contents.runs()) {
            for (LoadResult cell : run.cells()) {
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d%s | %.2f | %.2f |%n",
                        run.mode(), cell.body(), cell.clients(), cell.requestsPerSecond(), cell.imagesPerSecond(),
                        cell.p50Ms(), cell.p95Ms(), cell.p99Ms(), cell.maxMs(), cell.errors(), errorDetail(cell),
                        cell.clientCpuCores(), cell.serverCpuCores()));
            }
        }
        md.append("\n## Service memory\n\n");
        md.append("From /proc/<pid>/status: RSS is heap plus off-heap (ND4J, ONNX Runtime, thread stacks);"
                + " peak is VmHWM, the highest RSS since start.\n\n");
        md.append("| mode | RSS idle MB | threads idle | RSS after matrix MB | peak RSS MB | threads after |\n");
        md.append("|---|--:|--:|--:|--:|--:|\n");
        for (ServiceRun run : contents.runs()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", run.mode(),
                    run.idle().rssMb(), run.idle().threads(), run.afterMatrix().rssMb(), run.afterMatrix().peakMb(),
                    run.afterMatrix().threads()));
        }
        return md.toString();
    }

    /** " (500 x3, HttpTimeoutException x1)" when a cell had errors, or "" when every response was a 200. */
    private static String errorDetail(LoadResult cell) {
        List<String> other = cell.outcomes().entrySet().stream().filter(e -> !e.getKey().equals("200"))
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        String limit = cell.sampleLimitHit() ? "sample limit hit" : "";
        if (other.isEmpty() && limit.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", other) + (other.isEmpty() || limit.isEmpty() ? "" : ", ") + limit + ")";
    }
}
