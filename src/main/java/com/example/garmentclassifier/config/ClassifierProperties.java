package com.example.garmentclassifier.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code classifier.*}.
 *
 * @param modelStore directory holding model versions, the active-version pointer and job history
 * @param datasetDir directory with Fashion-MNIST's four IDX .gz files
 * @param modelStoreSeed a read-only store (the committed {@code model-store/}, set in application.properties, or
 *                       the one baked into the container image) whose versions are copied into {@code modelStore}
 *                       at startup when missing there; the store follows its active version while nobody has
 *                       activated another (see ModelStoreSeeder). Empty = no seed
 */
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @DefaultValue("./var/model-store") Path modelStore,
        @DefaultValue("/usr/share/datasets/fashion-mnist") Path datasetDir,
        Path modelStoreSeed) {

    /** Defaults for everything but the two directories, for tests and tools. */
    public static ClassifierProperties of(Path modelStore, Path datasetDir) {
        return new ClassifierProperties(modelStore, datasetDir, null);
    }
}
