package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.training.Distillation;
import com.example.garmentclassifier.training.GarmentNetwork;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingMode;
import com.example.garmentclassifier.training.TrainingParameters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * POST /admin/retrain body; every field is optional. The defaults are the job that made the committed distilled
 * versions: mode {@code full}, recipe {@code distill} with the serving version as the teacher.
 */
public record RetrainRequest(
        @Schema(description = "full: a new network from random weights, distilled from the serving version (30"
                + " epochs by default; about 3 h 30 min on 2 cores); fine-tune: the serving network's weights, 2 epochs"
                + " at an eighth of the learning rate (about 13 minutes)", allowableValues = {"full", "fine-tune"}, defaultValue = "full")
        TrainingMode mode,
        @Schema(description = "Training recipe: distill learns from the teacher's probabilities as well as the labels;"
                + " robust, erasing and fast learn from the labels alone", example = "distill",
                allowableValues = {"distill", "robust", "erasing", "fast"}, defaultValue = "distill")
        @Pattern(regexp = "distill|robust|erasing|fast", message = "must be distill, robust, erasing or fast") String recipe,
        @Schema(description = "distill: the stored version whose probabilities the new network learns from"
                + " (default: the serving version)", example = "v20261202-081648") String teacher,
        @Schema(description = "Training epochs (the schedule spans them all); default 30 (full) or 2 (fine-tune)",
                example = "30") @Min(1) @Max(100) Integer epochs,
        @Schema(description = "Minibatch size", example = "64", defaultValue = "64") @Min(8) @Max(1024) Integer batchSize,
        @Schema(description = "Peak Adam learning rate of the one-cycle schedule; default 0.004 (full) or 0.0005"
                + " (fine-tune)", example = "0.004")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
        @Schema(description = "Random seed (weights, shuffling, augmentation)", example = "42", defaultValue = "42") Long seed,
        @Schema(description = "Use only the first N training images (0 = all 60,000); for quick runs", example = "0", defaultValue = "0")
        @Min(0) @Max(60_000) Integer trainLimit,
        @Schema(description = "Start from the serving model's weights instead of random ones (fine-tune always does)",
                defaultValue = "false") Boolean warmStart,
        @Schema(description = "\"if-better\" activates the result only if it is at least as accurate as the serving model;"
                + " \"always\" activates it regardless", allowableValues = {"if-better", "always"}, defaultValue = "if-better")
        PromotionPolicy promote) {

    public static final RetrainRequest DEFAULTS = new RetrainRequest(null, null, null, null, null, null, null, null,
            null, null);

    public TrainingMode modeOrDefault() {
        return mode != null ? mode : TrainingMode.FULL;
    }

    public int epochsOrDefault() {
        return epochs != null ? epochs : modeOrDefault().epochs();
    }

    /**
     * @param servingVersion the version serving when the job starts: the default teacher
     * @throws TrainingFailedException when distilling without a teacher (nothing serves and none was named)
     */
    public TrainingParameters toParameters(String servingVersion) {
        TrainingParameters d = TrainingParameters.DEFAULTS;
        GarmentNetwork.Recipe chosen = GarmentNetwork.Recipe.valueOf(
                (recipe != null ? recipe : "distill").toUpperCase(Locale.ROOT));
        return new TrainingParameters(
                epochsOrDefault(),
                batchSize != null ? batchSize : d.batchSize(),
                learningRate != null ? learningRate : modeOrDefault().learningRate(),
                seed != null ? seed : d.seed(),
                trainLimit != null ? trainLimit : d.trainLimit(),
                d.validationSize(),
                d.augment(),
                chosen,
                d.stopAtValidation(),
                chosen == GarmentNetwork.Recipe.DISTILL ? Distillation.from(teacherOr(servingVersion)) : null);
    }

    private String teacherOr(String servingVersion) {
        String from = teacher != null ? teacher : servingVersion;
        if (from == null) {
            throw new TrainingFailedException("the distill recipe learns from the serving version, and none is loaded;"
                    + " name a stored version as \"teacher\" or choose another recipe");
        }
        return from;
    }

    public boolean warmStartRequested() {
        return Boolean.TRUE.equals(warmStart) || modeOrDefault().warmStart();
    }

    public PromotionPolicy promotion() {
        return promote != null ? promote : PromotionPolicy.IF_BETTER;
    }
}
