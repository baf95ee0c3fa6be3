package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.EnsembleEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-process engines on the committed active model, in one run: images/s and GFLOP/s of DL4J and
 * ONNX Runtime at batch 1, 8, 32, 64 and 128 (one pass per image, no mirror), next to the machine's
 * single-precision matrix-multiply ceiling. Run by {@link ServingBenchmark}; writes
 * {@code engine-benchmark.json} beside its Markdown.
 */
public final class EngineBenchmark {

    private static final int[] BATCHES = {1, 8, 32, 64, 128};
    private static final double SECONDS_PER_CELL = Double.parseDouble(System.getProperty("benchmark.engine.seconds", "3"));

    /** One measured cell. */
    record Cell(String engine, int batch, double imagesPerSecond, double gflops) {
    }

    private EngineBenchmark() {
    }

    /** The engine table alone: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=...EngineBenchmark}. */
    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of("target", "benchmark")));
    }

    /** Runs in the benchmark JVM, writes {@code engine-benchmark.json} under {@code outDir}; returns Markdown. */
    public static String run(Path outDir) throws Exception {
        TestStore store = TestStore.at(Path.of("model-store"));
        String version = store.active().current().orElseThrow();
        StoredNetworks networks = store.archive().loadNetworks(version);
        // An ensemble's pass runs every member: its cost is the members' sum.
        double flopsPerImage = networks.members().stream()
                .mapToDouble(network -> NetworkFlops.perImage(network, ImageShape.GARMENT)).sum();
        int threads = Runtime.getRuntime().availableProcessors();
        List<Cell> cells = new ArrayList<>();
        byte[] onnxModel = new OnnxExporter().export(networks.members(), ImageShape.GARMENT);
        try (EnsembleEngine dl4j = new EnsembleEngine(networks.members().stream()
                     .map(network -> new Dl4jEngine(network, ImageShape.GARMENT)).toList());
             OnnxRuntimeEngine onnx = new OnnxRuntimeEngine(onnxModel, ImageShape.GARMENT, threads)) {
            for (int batch : BATCHES) {
                for (InferenceEngine engine : List.of(dl4j, onnx)) {
                    double rate = imagesPerSecond(engine, batch);
                    cells.add(new Cell(engine.name(), batch, rate, rate * flopsPerImage / 1e9));
                    System.out.printf(Locale.ROOT, "engine %-11s batch %3d: %9.0f images/s%n", engine.name(), batch, rate);
                }
            }
        }
        double ortGemm = MatMulCeiling.onnxRuntimeGflops(threads, SECONDS_PER_CELL);
        double nd4jGemm = MatMulCeiling.nd4jGflops(SECONDS_PER_CELL);
        Files.createDirectories(outDir);
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("engine-benchmark.json")
                .toFile(), new Report(version, flopsPerImage, threads, cells, ortGemm, nd4jGemm));
        return markdown(version, flopsPerImage, threads, cells, ortGemm, nd4jGemm);
    }

    record Report(String modelVersion, double flopsPerImage, int onnxRuntimeThreads, List<Cell> cells,
                  double sgemmGflopsOnnxRuntime, double sgemmGflopsNd4j) {
    }

    private static double imagesPerSecond(InferenceEngine engine, int batch) {
        Random random = new Random(batch);
        float[][] images = new float[batch][ImageShape.GARMENT.pixels()];
        for (float[] image : images) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
        }
        long warmUpEnd = System.nanoTime() + (long) (SECONDS_PER_CELL * 0.3e9);
        while (System.nanoTime() < warmUpEnd) {
            engine.predict(images);
        }
        long start = System.nanoTime();
        long end = start + (long) (SECONDS_PER_CELL * 1e9);
        long done = 0;
        long now;
        do {
            engine.predict(images);
            done += batch;
            now = System.nanoTime();
        } while (now < end);
        return done / ((now - start) / 1e9);
    }

    private static String markdown(String version, double flops, int threads, List<Cell> cells, double ortGemm,
                                   double nd4jGemm) {
        StringBuilder md = new StringBuilder();
        md.append("## Engines in process\n\n");
        md.append(String.format(Locale.ROOT, "Model %s, %.1f MFLOP per image per pass; one pass per image (serving"
                + " runs two: the image and its mirror). ONNX Runtime with %d intra-op threads.%n%n",
                version, flops / 1e6, threads));
        md.append("| batch | DL4J images/s | DL4J GFLOP/s | ONNX Runtime images/s | ONNX Runtime GFLOP/s | speed-up |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        for (int batch : BATCHES) {
            Cell dl4j = find(cells, "dl4j", batch);
            Cell ort = find(cells, "onnxruntime", batch);
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.0f | %.1f | %.1fx |%n", batch,
                    dl4j.imagesPerSecond(), dl4j.gflops(), ort.imagesPerSecond(), ort.gflops(),
                    ort.imagesPerSecond() / dl4j.imagesPerSecond()));
        }
        md.append(String.format(Locale.ROOT, "%nsgemm ceiling (%dx%d by %dx%d, float): ONNX Runtime MatMul %.1f GFLOP/s,"
                + " ND4J mmul %.1f GFLOP/s.%n%n", MatMulCeiling.SIZE, MatMulCeiling.SIZE, MatMulCeiling.SIZE,
                MatMulCeiling.SIZE, ortGemm, nd4jGemm));
        return md.toString();
    }

    private static Cell find(List<Cell> cells, String engine, int batch) {
        return cells.stream().filter(c -> c.engine().equals(engine) && c.batch() == batch).findFirst().orElseThrow();
    }
}
