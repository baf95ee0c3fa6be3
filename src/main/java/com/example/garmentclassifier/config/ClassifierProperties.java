package com.example.garmentclassifier.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code classifier.*}.
 *
 * @param modelStore directory holding model versions, the active-version pointer and job history
 * @param datasetDir directory with Fashion-MNIST's four IDX .gz files
 * @param sharedStore how instances that serve one model store (replicas on a shared volume) keep in step
 * @param modelStoreSeed a read-only store (the committed {@code model-store/}, set in application.properties, or
 *                       the one baked into the container image) whose versions are copied into {@code modelStore}
 *                       at startup when missing there; the store follows its active version while nobody has
 *                       activated another (see ModelStoreSeeder). Empty = no seed
 */
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @DefaultValue("./var/model-store") Path modelStore,
        @DefaultValue("/usr/share/datasets/fashion-mnist") Path datasetDir,
        @DefaultValue Training training,
        @DefaultValue SharedStore sharedStore,
        Path modelStoreSeed) {

    /**
     * @param pollInterval   how often an instance checks the store's active version and serves it if another instance
     *                       activated a different one; 0 = never (one instance per store)
     * @param lockStaleAfter a training lock not refreshed for this long was left by an instance that died, and may be
     *                       taken over (the holder refreshes it every third of this)
     */
    public record SharedStore(@DefaultValue("2s") Duration pollInterval,
                              @DefaultValue("60s") Duration lockStaleAfter) {

        public SharedStore {
            // Shorter, and a network volume's attribute caching (a peer sees a refresh late) makes live locks look stale.
            if (lockStaleAfter.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException("classifier.shared-store.lock-stale-after must be at least 10s, was "
                        + lockStaleAfter);
            }
        }
    }

    /** Where retraining jobs run. */
    public enum TrainingProcess {
        /** A child JVM with its own memory limits, at lower CPU priority: a failure cannot take serving down. */
        CHILD,
        /** The service's own JVM (needs its heap and off-heap sized for training). */
        IN_PROCESS
    }

    /**
     * @param promotionTolerance  with promote=if-better, a new model is activated when its validation accuracy is at least
     *                            the active model's minus this (0 = must be at least as good)
     * @param process             child (default) or in-process
     * @param childHeap           the training child's -Xmx
     * @param childOffHeap        the training child's ND4J off-heap limit (org.bytedeco.javacpp.maxbytes)
     * @param childPhysicalMemory the training child's whole-process limit (org.bytedeco.javacpp.maxphysicalbytes)
     * @param childNice           CPU niceness added to the training child (0-19), so serving keeps priority
     * @param minFreeSpace        free space the model store needs before a job starts (a version takes about 13 MB)
     */
    public record Training(@DefaultValue("0") double promotionTolerance,
                           @DefaultValue("child") TrainingProcess process,
                           @DefaultValue("2g") String childHeap,
                           @DefaultValue("3G") String childOffHeap,
                           @DefaultValue("8G") String childPhysicalMemory,
                           @DefaultValue("10") int childNice,
                           @DefaultValue("200MB") DataSize minFreeSpace) {
    }

    /** Defaults for everything but the two directories, for tests and tools. */
    public static ClassifierProperties of(Path modelStore, Path datasetDir) {
        return new ClassifierProperties(modelStore, datasetDir,                 new Training(0, TrainingProcess.CHILD, "2g", "3G", "8G", 10,
                DataSize.ofMegabytes(200)),
                new SharedStore(Duration.ofSeconds(2), Duration.ofSeconds(60)), null);
    }
}
