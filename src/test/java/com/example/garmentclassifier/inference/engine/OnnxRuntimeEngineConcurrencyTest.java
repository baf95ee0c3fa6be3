package com.example.garmentclassifier.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

/** One session serves concurrent requests without locks; answers must not mix between callers. */
class OnnxRuntimeEngineConcurrencyTest {

    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 50;

    @Test
    void concurrentCallsGiveTheSingleThreadedAnswers() throws Exception {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(
                new File("model-store/versions/v20261124-044801/model.zip"), false);
        byte[] onnx = new OnnxExporter().export(network, ImageShape.GARMENT);
        network.close();
        float[][] probes = ParityProbes.standard();

        try (OnnxRuntimeEngine engine = new OnnxRuntimeEngine(onnx, ImageShape.GARMENT, 2)) {
            // Every call gets its own batch (size 1 to 7, different images), so a mixed-up or
            // overwritten result cannot match by accident.
            float[][][][] expected = new float[THREADS][CALLS_PER_THREAD][][];
            for (int t = 0; t < THREADS; t++) {
                for (int c = 0; c < CALLS_PER_THREAD; c++) {
                    expected[t][c] = engine.predict(batch(probes, t, c));
                }
            }

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[][][]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    float[][][] answers = new float[CALLS_PER_THREAD][][];
                    for (int c = 0; c < CALLS_PER_THREAD; c++) {
                        answers[c] = engine.predict(batch(probes, thread, c));
                    }
                    return answers;
                }));
            }
            start.countDown();
            pool.shutdown();
            assertEquals(true, pool.awaitTermination(2, TimeUnit.MINUTES), "threads finished");

            for (int t = 0; t < THREADS; t++) {
                float[][][] answers = results.get(t).get();
                for (int c = 0; c < CALLS_PER_THREAD; c++) {
                    assertEquals(expected[t][c].length, answers[c].length);
                    for (int i = 0; i < answers[c].length; i++) {
                        assertArrayEquals(expected[t][c][i], answers[c][i], "thread " + t + " call " + c + " image " + i);
                    }
                }
            }
        }
    }

    private static float[][] batch(float[][] probes, int thread, int call) {
        int size = 1 + (thread + call) % 7;
        int start = (thread * CALLS_PER_THREAD + call) * 3 % (probes.length - size);
        return Arrays.copyOfRange(probes, start, start + size);
    }
}
