package com.example.garmentclassifier.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code classifier.*}.
 *
 * @param modelStore directory holding model versions, the active-version pointer and job history
 * @param datasetDir directory with Fashion-MNIST's four IDX .gz files
 * @param maxFilesPerRequest most images accepted by one /classify call
 * @param maxImageBytes largest single upload (multipart part or raw body)
 * @param maxImagePixels largest decoded image (width x height), against decompression bombs
 */
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @DefaultValue("./model-store") Path modelStore,
        @DefaultValue("/usr/share/datasets/fashion-mnist") Path datasetDir,
        @DefaultValue("64") int maxFilesPerRequest,
        @DefaultValue("10MB") DataSize maxImageBytes,
        @DefaultValue("40000000") long maxImagePixels,
        @DefaultValue Admin admin,
        @DefaultValue Training training) {

    /**
     * The one admin user for /admin/** and non-public actuator endpoints.
     *
     * @param password empty = generate a random one at startup and log it once
     */
    public record Admin(@DefaultValue("admin") String username, String password) {
    }

    /**
     * @param promotionTolerance with promote=if-better, a new model is activated when its test accuracy is at least
     *                           the active model's minus this (0 = must be at least as good)
     */
    public record Training(@DefaultValue("0") double promotionTolerance) {
    }

    /** Defaults for everything but the two directories, for tests and tools. */
    public static ClassifierProperties of(Path modelStore, Path datasetDir) {
        return new ClassifierProperties(modelStore, datasetDir, 64, DataSize.ofMegabytes(10), 40_000_000,
                new Admin("admin", null), new Training(0));
    }
}
