package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces concurrent requests into engine calls. One worker thread blocks for the first job,
 * then keeps adding queued jobs until the batch is full or the first job has waited
 * {@code maxDelay} since it arrived (not since the worker saw it), so queueing never adds to the
 * promised delay. A batch holds jobs of one model version only: a job leased on another version
 * (during a swap) starts the next batch. The queue is bounded in images: past the bound a request
 * is refused at once instead of growing memory and latency.
 */
public class DynamicBatcher implements InferenceDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final int maxQueuedImages;
    private final LinkedBlockingQueue<InferenceJob> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedImages = new AtomicInteger();
    private final BatchMetrics metrics;
    private final Thread worker;
    private volatile boolean accepting = true;
    /** A job taken off the queue that belongs to the next batch (worker thread only). */
    private InferenceJob carried;

    public DynamicBatcher(BatchingProperties settings, MeterRegistry registry) {
        this.maxBatchSize = Math.max(1, settings.maxBatchSize());
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.maxQueuedImages = Math.max(1, settings.maxQueuedImages());
        this.metrics = new BatchMetrics(registry);
        Gauge.builder("classifier.inference.queue.images", queuedImages, AtomicInteger::get)
                .description("Images waiting for a batch").register(registry);
        this.worker = new Thread(this::work, "inference-batcher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public CompletableFuture<float[][]> submit(LoadedModel model, float[][] images) {
        if (!reserve(images.length)) {
            return CompletableFuture.failedFuture(new InferenceOverloadedException(
                    "more than " + maxQueuedImages + " images are waiting to be classified; retry shortly"));
        }
        InferenceJob job = new InferenceJob(model, images, System.nanoTime());
        // Under the same lock as close(): once closing has begun no job can slip in behind the worker's last look.
        synchronized (queue) {
            if (!accepting) {
                release(images.length);
                return CompletableFuture.failedFuture(new InferenceOverloadedException("the service is shutting down"));
            }
            queue.add(job);
        }
        return job.result;
    }

    /** Counts the images against the bound, all or nothing. */
    private boolean reserve(int images) {
        while (true) {
            int queued = queuedImages.get();
            if (queued + images > maxQueuedImages && queued > 0) {
                return false;
            }
            if (queuedImages.compareAndSet(queued, queued + images)) {
                return true;
            }
        }
    }

    private void work() {
        while (accepting || carried != null || !queue.isEmpty()) {
            try {
                InferenceJob first = carried != null ? carried : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                carried = null;
                if (first != null) {
                    run(collect(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("Batch worker error", e);
            }
        }
        failLeftovers(new InferenceOverloadedException("the service stopped before this request was classified"));
    }

    /** Fills a batch starting with {@code first}; a job that does not fit (or is for another version) is carried over. */
    private Batch collect(InferenceJob first) throws InterruptedException {
        Batch batch = new Batch(first.model, maxBatchSize);
        long deadline = first.arrivedNanos + maxDelayNanos;
        InferenceJob next = first;
        while (true) {
            if (next.result.isDone()) {
                release(next.remaining());
            } else if (next.model != batch.model) {
                carried = next;
                return batch;
            } else {
                batch.add(next, metrics.queueWait());
                if (next.remaining() > 0) {
                    carried = next;
                    return batch;
                }
            }
            if (batch.full()) {
                return batch;
            }
            next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || !accepting) {
                    return batch;
                }
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return batch;
                }
            }
        }
    }

    private void run(Batch batch) {
        if (batch.size() == 0) {
            return;
        }
        release(batch.size());
        long start = System.nanoTime();
        float[][] probabilities;
        try {
            probabilities = batch.model.predict(batch.images());
        } catch (RuntimeException | Error e) {
            // An engine failure (even out of memory) fails this batch's requests, never leaves them waiting.
            log.error("Engine call failed for a batch of {} images", batch.size(), e);
            batch.fail(e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the engine failed: " + e.getClass().getSimpleName()));
            return;
        }
        metrics.engineCall(batch.model.engine().engine(), System.nanoTime() - start, batch.size());
        batch.deliver(probabilities);
    }

    private void release(int images) {
        queuedImages.addAndGet(-images);
    }

    private void failLeftovers(RuntimeException cause) {
        List<InferenceJob> left = new ArrayList<>();
        if (carried != null) {
            left.add(carried);
            carried = null;
        }
        queue.drainTo(left);
        for (InferenceJob job : left) {
            release(job.remaining());
            job.fail(cause);
        }
    }

    /** Stops accepting, lets the worker finish every queued job, then returns (bounded by a timeout). */
    @Override
    public void close() {
        synchronized (queue) {
            accepting = false;
        }
        try {
            worker.join(DRAIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            log.warn("Inference queue not drained within {} ms", DRAIN_TIMEOUT_MILLIS);
            worker.interrupt();
        }
    }
}
