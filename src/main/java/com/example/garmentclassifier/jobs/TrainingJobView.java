package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.EpochMetrics;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A training job as the API shows it and as it is stored in {@code jobs/{id}.json}. */
public record TrainingJobView(
        @Schema(example = "job-20261124-041500-1a2b") String id,
        JobState state,
        RetrainRequest request,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        List<EpochMetrics> epochs,
        @Schema(description = "Version stored by the job") String modelVersion,
        PromotionDecision promotion,
        @Schema(description = "Why the job FAILED, and what to do about it") String failureReason,
        boolean cancelRequested,
        @Schema(description = "Why the job was (or is being) CANCELLED: by an admin, or because the service shut down",
                example = "the service shut down") String cancelReason,
        @Schema(description = "When the job carried on from its last checkpoint after a restart or a crash of the"
                + " service (empty when it ran uninterrupted)") List<Instant> resumedAt) {

    /** Where a running job is: epoch i of n, batches done in it, overall percent, estimated seconds left. */
    public record Progress(int epoch, int epochs, int batch, int batchesPerEpoch, double percent, Double etaSeconds) {
    }
}
