package com.example.garmentclassifier.classify;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many request threads do CPU-heavy image work (decode, preprocess, attributes) at
 * once. With more of them runnable than there are cores, the batcher's single engine thread gets
 * a thin slice of CPU and every request's queue wait grows; with about one per core, the engine
 * thread runs as soon as a batch is ready and the rest wait parked instead of contending.
 */
public class ImageWorkPermits {

    private final Semaphore permits;

    /** @param concurrency threads doing image work at once; 0 = one per available processor */
    public ImageWorkPermits(int concurrency) {
        this.permits = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors());
    }

    public <T> T run(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
