package com.example.garmentclassifier.training;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the training data is ({@code classifier.dataset-dir}; other records bind the rest of {@code classifier.*}).
 *
 * @param datasetDir directory with Fashion-MNIST's four IDX .gz files
 */
@ConfigurationProperties("classifier")
public record DatasetProperties(@DefaultValue("/usr/share/datasets/fashion-mnist") Path datasetDir) {
}
