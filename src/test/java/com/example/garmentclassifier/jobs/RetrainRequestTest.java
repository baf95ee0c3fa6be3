package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.training.Distillation;
import com.example.garmentclassifier.training.GarmentNetwork;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingMode;
import com.example.garmentclassifier.training.TrainingParameters;
import org.junit.jupiter.api.Test;

/** What a retraining request trains: the defaults are the job that made the committed model. */
class RetrainRequestTest {

    private static final String SERVING = "v20261202-081648";

    @Test
    void anEmptyRequestIsAFullDistillRunFromTheServingVersion() {
        TrainingParameters params = RetrainRequest.DEFAULTS.toParameters(SERVING);

        assertThat(params.recipe()).isEqualTo(GarmentNetwork.Recipe.DISTILL);
        assertThat(params.distillation()).isEqualTo(new Distillation(SERVING, 0.7, 2.0));
        assertThat(params.epochs()).isEqualTo(30);
        assertThat(params.learningRate()).isEqualTo(0.004);
        assertThat(params.seed()).isEqualTo(42);
        assertThat(params.trainLimit()).isZero();
        assertThat(params.augment()).isTrue();
        assertThat(RetrainRequest.DEFAULTS.warmStartRequested()).isFalse();
        assertThat(RetrainRequest.DEFAULTS.promotion()).isEqualTo(PromotionPolicy.IF_BETTER);
    }

    @Test
    void fineTuneStartsFromTheServingWeightsForTwoEpochsAtALowRate() {
        RetrainRequest fineTune = new RetrainRequest(TrainingMode.FINE_TUNE, null, null, null, null, null, null, null,
                null, null);

        TrainingParameters params = fineTune.toParameters(SERVING);

        assertThat(fineTune.warmStartRequested()).isTrue();
        assertThat(params.epochs()).isEqualTo(2);
        assertThat(params.learningRate()).isEqualTo(0.0005);
        assertThat(params.distillation().teacher()).isEqualTo(SERVING);
    }

    @Test
    void aNamedTeacherOrRecipeTakesPrecedence() {
        assertThat(new RetrainRequest(null, null, "v1", 3, null, null, 7L, 2000, null, null).toParameters(SERVING)
                .distillation().teacher()).isEqualTo("v1");
        TrainingParameters robust = new RetrainRequest(null, "robust", null, null, null, null, null, null, null, null)
                .toParameters(SERVING);
        assertThat(robust.recipe()).isEqualTo(GarmentNetwork.Recipe.ROBUST);
        assertThat(robust.distillation()).isNull();
    }

    @Test
    void distillingWithNothingServingAndNoTeacherIsRefusedWithAReason() {
        assertThatThrownBy(() -> RetrainRequest.DEFAULTS.toParameters(null))
                .isInstanceOf(TrainingFailedException.class).hasMessageContaining("\"teacher\"");
    }
}
