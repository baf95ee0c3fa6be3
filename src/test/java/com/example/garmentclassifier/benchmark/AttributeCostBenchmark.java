package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.attributes.GarmentAttributes;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ForegroundObjects;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.image.PreparedImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * CPU cost per image of each step of /classify before and after the model: decoding,
 * preprocessing, the several-objects measure (review rule), attribute extraction and, for reference, JSON serialisation of one typical
 * result. With the model at ~0.1 ms per image these steps are the request's cost. Three inputs:
 * a 28x28 Fashion-MNIST PNG, a 640x560 catalogue-style JPEG and a 3000x3000 photo-like JPEG.
 * Every stage is timed on its own, on a warm JIT, as the median of several timed batches, in CPU
 * time of the whole process (so garbage collection counts, and other processes sharing the cores do
 * not) and, for reference, in wall-clock time, which is only meaningful on an otherwise idle machine.
 * The inputs take a few seconds to generate:
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.example.garmentclassifier.benchmark.AttributeCostBenchmark
 * </pre>
 *
 * Arguments (optional) name the inputs to run, {@code png}, {@code catalogue} and/or {@code photo}, so
 * one input can be profiled alone (e.g. under {@code -XX:StartFlightRecording}).
 */
public final class AttributeCostBenchmark {

    /** Warm-up takes this many calls and at least {@link #WARM_UP_NANOS} (the JIT needs both)... */
    private static final int WARM_UP_CALLS = 3000;
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    /** ...unless that takes longer than this: a step slow enough to hit it is compiled well before. */
    private static final long MAX_WARM_UP_NANOS = 15_000_000_000L;
    private static final int BATCHES = 7;
    private static final long BATCH_NANOS = 500_000_000L;
    /** Defeats dead-code elimination: every timed result feeds it. */
    private static long sink;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One benchmark input: its encoded upload. */
    private record Input(String key, String description, byte[] upload) {
    }

    /** The shape of one /classify result, kept here so the benchmark does not depend on the web layer's types. */
    record Result(String file, String label, int classIndex, double confidence, Map<String, Double> probabilities,
                  GarmentAttributes attributes, String attributesNote, String title) {
    }

    private AttributeCostBenchmark() {
    }

    public static void main(String[] args) {
        List<String> wanted = Arrays.asList(args);
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        AttributeExtractor extractor = new AttributeExtractor();
        JsonMapper json = JsonMapper.builder().build();
        String header = String.format("%-34s %10s %10s %10s %10s %10s %10s", "", "decode", "preprocess", "objects",
                "attributes", "json", "total");
        StringBuilder cpu = new StringBuilder("CPU time, us per image\n" + header + "\n");
        StringBuilder wall = new StringBuilder("wall-clock time, us per image\n" + header + "\n");
        for (Input input : inputs()) {
            if (!wanted.isEmpty() && !wanted.contains(input.key())) {
                continue;
            }
            BufferedImage image = decoder.decode("x", input.upload());
            PreparedImage prepared = preprocessor.prepare(image);
            AttributeExtractor.Outcome outcome = extractor.extract(prepared.foreground());
            Result result = typicalResult(outcome);
            double[][] stages = {
                micros(() -> decoder.decode("x", input.upload()).getWidth()),
                micros(() -> preprocessor.prepare(image).modelInput().length),
                micros(() -> ForegroundObjects.largestShare(prepared.foreground())),
                micros(() -> extractor.extract(prepared.foreground()).hashCode()),
                micros(() -> json.writeValueAsBytes(result).length)};
            cpu.append(row(input.description(), stages, 0));
            wall.append(row(input.description(), stages, 1));
            System.out.print(row(input.description(), stages, 0));
        }
        System.out.println();
        System.out.println(cpu);
        System.out.println(wall);
        System.out.println(sink == 42 ? "" : "(done)");
    }

    private static List<Input> inputs() {
        byte[] pixels = TestImages.fixtures().get(0).pixels();
        Color navy = new Color(31, 42, 79);
        BufferedImage catalogue = TestImages.photo(pixels, 20, navy, Color.WHITE, 640, 560, 40, 0, false);
        BufferedImage photo = withSensorNoise(TestImages.photo(pixels, 100, navy, new Color(236, 234, 230),
                3000, 3000, 100, 60, false));
        return List.of(
                new Input("png", "(a) 28x28 PNG (test-00000.png)", TestImages.fixtureBytes("test-00000.png")),
                new Input("catalogue", "(b) 640x560 catalogue JPEG", TestImages.encode(catalogue, "jpeg")),
                new Input("photo", "(c) 3000x3000 photo JPEG", TestImages.encode(photo, "jpeg")));
    }

    /** A real photo is never flat: noise makes the JPEG's entropy (and so its decoding cost) realistic. */
    private static BufferedImage withSensorNoise(BufferedImage image) {
        Random random = new Random(11);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                int n = (int) Math.round(random.nextGaussian() * 4);
                int r = Math.max(0, Math.min(255, ((row[x] >> 16) & 0xFF) + n));
                int g = Math.max(0, Math.min(255, ((row[x] >> 8) & 0xFF) + n));
                int b = Math.max(0, Math.min(255, (row[x] & 0xFF) + n));
                row[x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return image;
    }

    private static Result typicalResult(AttributeExtractor.Outcome outcome) {
        String[] labels = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
            "Ankle boot"};
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            probabilities.put(labels[i], i == 9 ? 0.91 : 0.01);
        }
        return new Result("upload.jpg", labels[9], 9, 0.91, probabilities, outcome.attributes(), outcome.reason(),
                "Navy Ankle boot");
    }

    private static String row(String name, double[][] stages, int clock) {
        double total = 0;
        StringBuilder row = new StringBuilder(String.format("%-34s", name));
        for (double[] stage : stages) {
            row.append(String.format(" %10.1f", stage[clock]));
            total += stage[clock];
        }
        return row.append(String.format(" %10.1f%n", total)).toString();
    }

    /** Median microseconds per call, {CPU, wall clock}, over {@link #BATCHES} timed batches after warming up. */
    private static double[] micros(Supplier<Object> step) {
        long warmUpStart = System.nanoTime();
        for (int i = 0; ; i++) {
            long elapsed = System.nanoTime() - warmUpStart;
            if ((i >= WARM_UP_CALLS && elapsed >= WARM_UP_NANOS) || elapsed >= MAX_WARM_UP_NANOS) {
                break;
            }
            sink += step.get().hashCode();
        }
        double[] cpu = new double[BATCHES];
        double[] wall = new double[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            long calls = 0;
            long elapsed;
            do {
                sink += step.get().hashCode();
                calls++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < BATCH_NANOS);
            cpu[batch] = (OS.getProcessCpuTime() - cpuStart) / 1e3 / calls;
            wall[batch] = elapsed / 1e3 / calls;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[BATCHES / 2], wall[BATCHES / 2]};
    }
}
