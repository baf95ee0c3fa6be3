package com.example.garmentclassifier.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code classifier.*}.
 *
 * @param modelStore directory holding model versions and the active-version pointer
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
        @DefaultValue("40000000") long maxImagePixels) {
}
