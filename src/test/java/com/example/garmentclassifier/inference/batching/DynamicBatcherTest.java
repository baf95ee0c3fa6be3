package com.example.garmentclassifier.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.store.ModelMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    private final List<DynamicBatcher> batchers = new ArrayList<>();

    @AfterEach
    void closeBatchers() {
        batchers.forEach(DynamicBatcher::close);
    }

    @Test
    void concurrentRequestsEachGetExactlyTheirOwnResults() throws Exception {
        RecordingEngine engine = new RecordingEngine("v1", 0);
        LoadedModel model = model(engine);
        DynamicBatcher batcher = batcher(8, Duration.ofMillis(5), 10_000);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> checks = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            int seed = client;
            checks.add(clients.submit(() -> {
                Random random = new Random(seed);
                int checked = 0;
                for (int request = 0; request < 40; request++) {
                    // Each image carries a unique id in its first pixel; the engine echoes it back.
                    float[][] images = new float[1 + random.nextInt(12)][];
                    for (int i = 0; i < images.length; i++) {
                        images[i] = new float[] {seed * 100_000 + request * 100 + i};
                    }
                    float[][] result = batcher.submit(model, images).join();
                    assertThat(result).hasNumberOfRows(images.length);
                    for (int i = 0; i < images.length; i++) {
                        assertThat(result[i][0]).isEqualTo(images[i][0]);
                        checked++;
                    }
                }
                return checked;
            }));
        }
        int total = 0;
        for (Future<Integer> check : checks) {
            total += check.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(total).isEqualTo(engine.images());
        assertThat(engine.largestBatch()).as("requests were coalesced").isGreaterThan(1).isLessThanOrEqualTo(8);
    }

    @Test
    void aRequestLargerThanABatchSpansBatchesAndComesBackInOrder() {
        RecordingEngine engine = new RecordingEngine("v1", 0);
        DynamicBatcher batcher = batcher(4, Duration.ofMillis(1), 1000);
        float[][] images = new float[10][];
        for (int i = 0; i < images.length; i++) {
            images[i] = new float[] {i};
        }
        float[][] result = batcher.submit(model(engine), images).join();
        for (int i = 0; i < images.length; i++) {
            assertThat(result[i][0]).isEqualTo(i);
        }
        assertThat(engine.batchSizes()).containsExactly(4, 4, 2);
    }

    @Test
    void requestsArrivingWithinTheDelayShareOneEngineCall() {
        RecordingEngine engine = new RecordingEngine("v1", 0);
        DynamicBatcher batcher = batcher(2, Duration.ofSeconds(5), 1000);
        LoadedModel model = model(engine);
        CompletableFuture<float[][]> first = batcher.submit(model, new float[][] {{1}});
        CompletableFuture<float[][]> second = batcher.submit(model, new float[][] {{2}});
        assertThat(first.join()[0][0]).isEqualTo(1);
        assertThat(second.join()[0][0]).isEqualTo(2);
        assertThat(engine.batchSizes()).containsExactly(2);
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingEngine engine = new RecordingEngine("v1", 0) {
            @Override
            public float[][] predict(float[][] images) {
                entered.countDown();
                await(release);
                return super.predict(images);
            }
        };
        LoadedModel model = model(engine);
        DynamicBatcher batcher = batcher(1, Duration.ZERO, 3);
        List<CompletableFuture<float[][]>> accepted = new ArrayList<>();
        accepted.add(batcher.submit(model, new float[][] {{0}}));
        // The worker now holds image 0 in the blocked engine; three more fill the queue.
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 3; i++) {
            accepted.add(batcher.submit(model, new float[][] {{i}}));
        }
        CompletableFuture<float[][]> refused = batcher.submit(model, new float[][] {{9}});
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(InferenceOverloadedException.class);
        release.countDown();
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i).get(10, TimeUnit.SECONDS)[0][0]).isEqualTo(i);
        }
    }

    @Test
    void closingFinishesEveryAcceptedRequestAndRefusesNewOnes() throws Exception {
        RecordingEngine engine = new RecordingEngine("v1", 2);
        LoadedModel model = model(engine);
        DynamicBatcher batcher = batcher(4, Duration.ofMillis(1), 10_000);
        List<CompletableFuture<float[][]>> accepted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            accepted.add(batcher.submit(model, new float[][] {{i}, {i + 0.5f}}));
        }
        batcher.close();
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i)).as("request %d was drained, not dropped", i).isCompleted();
            assertThat(accepted.get(i).join()[1][0]).isEqualTo(i + 0.5f);
        }
        assertThatThrownBy(() -> batcher.submit(model, new float[][] {{1}}).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(InferenceOverloadedException.class);
    }

    @Test
    void aBatchNeverMixesModelVersionsSoEachResultComesFromTheVersionTheRequestLeased() throws Exception {
        RecordingEngine oldEngine = new RecordingEngine("old", 0);
        RecordingEngine newEngine = new RecordingEngine("new", 0);
        LoadedModel old = model(oldEngine);
        LoadedModel next = model(newEngine);
        DynamicBatcher batcher = batcher(16, Duration.ofMillis(20), 10_000);
        List<CompletableFuture<float[][]>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            futures.add(batcher.submit(i % 3 == 0 ? next : old, new float[][] {{i}}));
        }
        for (int i = 0; i < futures.size(); i++) {
            float[] row = futures.get(i).get(10, TimeUnit.SECONDS)[0];
            assertThat(row[0]).isEqualTo(i);
            assertThat(row[1]).as("computed by the version request %d leased", i).isEqualTo(i % 3 == 0 ? 2 : 1);
        }
        assertThat(oldEngine.images()).isEqualTo(40);
        assertThat(newEngine.images()).isEqualTo(20);
    }

    @Test
    void anEngineFailureFailsOnlyTheRequestsInThatBatch() {
        RecordingEngine failing = new RecordingEngine("v1", 0) {
            @Override
            public float[][] predict(float[][] images) {
                if (images[0][0] < 0) {
                    throw new IllegalStateException("boom");
                }
                return super.predict(images);
            }
        };
        DynamicBatcher batcher = batcher(1, Duration.ZERO, 100);
        LoadedModel model = model(failing);
        CompletableFuture<float[][]> bad = batcher.submit(model, new float[][] {{-1}});
        CompletableFuture<float[][]> good = batcher.submit(model, new float[][] {{7}});
        assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(good.join()[0][0]).isEqualTo(7);
    }

    private DynamicBatcher batcher(int maxBatch, Duration delay, int maxQueued) {
        DynamicBatcher batcher = new DynamicBatcher(new BatchingProperties(true, maxBatch, delay, maxQueued),
                new SimpleMeterRegistry());
        batchers.add(batcher);
        return batcher;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LoadedModel model(RecordingEngine engine) {
        ModelMetadata metadata = new ModelMetadata(engine.version, Instant.now(), "test", 0, List.of("a", "b"), null,
                null, null, null, null, null, null, null, null);
        return new LoadedModel(metadata, engine, new EngineSelection(engine.name(), "test", null));
    }

    /** Echoes each image's first value and tags it with the version (1 = old/v1, 2 = new); records batch sizes. */
    private static class RecordingEngine implements InferenceEngine {

        final String version;
        private final long delayMillis;
        private final List<Integer> batches = new CopyOnWriteArrayList<>();

        RecordingEngine(String version, long delayMillis) {
            this.version = version;
            this.delayMillis = delayMillis;
        }

        @Override
        public float[][] predict(float[][] images) {
            batches.add(images.length);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            float[][] out = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                out[i] = new float[] {images[i][0], version.equals("new") ? 2 : 1};
            }
            return out;
        }

        int images() {
            return batches.stream().mapToInt(Integer::intValue).sum();
        }

        int largestBatch() {
            return batches.stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        List<Integer> batchSizes() {
            return batches;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void close() {
        }
    }
}
