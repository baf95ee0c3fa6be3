package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.jobs.RetrainRequest;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fine-tune job starts from the serving network and learns from the serving version: one epoch at a
 * low learning rate moves the weights a little and keeps about the accuracy it started with. Real (tiny)
 * training on the mini data set.
 */
@IntegrationTest
class FineTuneTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");

    @TempDir
    Path storeDir;

    @Test
    void fineTuneCarriesOnFromTheServingNetworkWithItAsTeacher() {
        JsonMapper json = JsonMapper.builder().build();
        TestStore store = TestStore.at(storeDir);
        TrainingPipeline pipeline = new TrainingPipeline(new DatasetProperties(MINI), new IdxReader(),
                new ModelTrainer(), new ModelEvaluator(), store.archive());
        InProcessTrainingRunner runner = new InProcessTrainingRunner(pipeline, store.archive(), json);
        ModelMetadata serving = runner.train(new TrainingParameters(3, 32, 0.004, 5, 600, 5000, true,
                GarmentNetwork.Recipe.ROBUST, 0), null, new TrainingProgress() { });
        double servingValidation = serving.training().epochs().get(serving.training().bestEpoch() - 1)
                .validationAccuracy();

        RetrainRequest fineTune = new RetrainRequest(TrainingMode.FINE_TUNE, null, null, 1, 32, null, 6L, 600, null,
                null);
        TrainingParameters params = fineTune.toParameters(serving.version());
        ModelMetadata tuned = runner.train(params, fineTune.warmStartRequested() ? serving.version() : null,
                new TrainingProgress() { });

        assertThat(tuned.training().warmStartFrom()).isEqualTo(serving.version());
        assertThat(tuned.training().hyperparameters()).containsEntry("teacher", serving.version())
                .containsEntry("learningRate", 0.0005).containsEntry("recipe", "distill");
        double tunedValidation = tuned.training().epochs().get(0).validationAccuracy();
        assertThat(tunedValidation).as("one low-rate epoch keeps what the serving network knew")
                .isGreaterThanOrEqualTo(servingValidation - 0.1);
        INDArray start = store.archive().loadNetwork(serving.version()).params();
        INDArray end = store.archive().loadNetwork(tuned.version()).params();
        assertThat(end.sub(start).norm2Number().doubleValue() / start.norm2Number().doubleValue())
                .as("the weights moved a little from the serving network's (a new network's would differ entirely)")
                .isBetween(1e-6, 0.3);
    }
}
