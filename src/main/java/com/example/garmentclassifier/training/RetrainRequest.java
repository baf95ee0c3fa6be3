package com.example.garmentclassifier.training;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** POST /admin/retrain body; every field is optional and falls back to the command-line defaults. */
public record RetrainRequest(
        @Schema(description = "Training epochs (the schedule spans them all)", example = "5", defaultValue = "5") @Min(1) @Max(100) Integer epochs,
        @Schema(description = "Minibatch size", example = "64", defaultValue = "64") @Min(8) @Max(1024) Integer batchSize,
        @Schema(description = "Peak Adam learning rate of the one-cycle schedule", example = "0.004", defaultValue = "0.004")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
        @Schema(description = "Random seed (weights, shuffling, augmentation)", example = "42", defaultValue = "42") Long seed,
        @Schema(description = "Use only the first N training images (0 = all 60,000); for quick runs", example = "0", defaultValue = "0")
        @Min(0) @Max(60_000) Integer trainLimit,
        @Schema(description = "Start from the serving model's weights instead of random ones", defaultValue = "false") Boolean warmStart,
        @Schema(description = "\"if-better\" activates the result only if it is at least as accurate as the serving model;"
                + " \"always\" activates it regardless", allowableValues = {"if-better", "always"}, defaultValue = "if-better")
        PromotionPolicy promote) {

    public static final RetrainRequest DEFAULTS = new RetrainRequest(null, null, null, null, null, null, null);

    public TrainingParameters toParameters() {
        TrainingParameters d = TrainingParameters.DEFAULTS;
        return new TrainingParameters(
                epochs != null ? epochs : d.epochs(),
                batchSize != null ? batchSize : d.batchSize(),
                learningRate != null ? learningRate : d.learningRate(),
                seed != null ? seed : d.seed(),
                trainLimit != null ? trainLimit : d.trainLimit(),
                d.validationSize(),
                d.augment(),
                d.recipe(),
                d.stopAtValidation());
    }

    public boolean warmStartRequested() {
        return Boolean.TRUE.equals(warmStart);
    }

    public PromotionPolicy promotion() {
        return promote != null ? promote : PromotionPolicy.IF_BETTER;
    }
}
