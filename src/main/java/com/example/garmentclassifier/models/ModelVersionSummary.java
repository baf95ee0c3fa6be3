package com.example.garmentclassifier.models;

import com.example.garmentclassifier.store.ModelMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One stored version in the /models listing. */
public record ModelVersionSummary(
        @Schema(example = "v20261124-031406") String version,
        Instant createdAt,
        @Schema(description = "On the test images as tensors", example = "0.9261") double testAccuracy,
        @Schema(description = "On the test images as uploads, through /classify's decoding and preprocessing"
                + " (null if not measured)", example = "0.9261") Double testAccuracyAsUploads,
        @Schema(description = "Whether this version serves /classify") boolean active,
        @Schema(description = "Version whose weights training started from, if any") String warmStartFrom) {

    static ModelVersionSummary of(ModelMetadata metadata, String activeVersion) {
        return new ModelVersionSummary(metadata.version(), metadata.createdAt(), metadata.testAccuracy(),
                metadata.testAsUploads() == null ? null : metadata.testAsUploads().accuracy(),
                metadata.version().equals(activeVersion),
                metadata.training() == null ? null : metadata.training().warmStartFrom());
    }
}
