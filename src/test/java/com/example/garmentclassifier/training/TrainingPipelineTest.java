package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real (tiny) training run on the committed mini data set, end to end into the store. */
@IntegrationTest
class TrainingPipelineTest {

    @TempDir
    Path storeDir;

    @Test
    void trainsEvaluatesAndStoresAVersionWithCompleteMetadata() {
        DatasetProperties dataset = new DatasetProperties(Path.of("src/test/resources/fashion-mnist-mini"));
        TestStore store = TestStore.at(storeDir);
        TrainingPipeline pipeline = new TrainingPipeline(dataset, new IdxReader(), new ModelTrainer(),
                new ModelEvaluator(), store.archive());
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger epochs = new AtomicInteger();

        TrainingParameters params = new TrainingParameters(2, 32, 0.002, 5, 400, 5000, true,
                GarmentNetwork.Recipe.FAST, 0);
        ModelMetadata metadata = pipeline.run(params, null, null, new TrainingProgress() {
            @Override
            public void batchDone(int epoch, int batch, int batchesPerEpoch) {
                batches.incrementAndGet();
            }

            @Override
            public void epochDone(com.example.garmentclassifier.store.EpochMetrics m, double eta) {
                epochs.incrementAndGet();
            }
        });

        assertThat(epochs.get()).isEqualTo(2);
        assertThat(batches.get()).isEqualTo(2 * 12); // 360 training images in batches of 32
        assertThat(metadata.training().trainExamples()).isEqualTo(360);
        assertThat(metadata.training().validationExamples()).isEqualTo(40);
        assertThat(metadata.training().epochs()).hasSize(2);
        assertThat(metadata.test().examples()).isEqualTo(300);
        assertThat(metadata.test().accuracy()).as("better than chance after 2 tiny epochs").isGreaterThan(0.3);
        assertThat(metadata.test().confusionMatrix()).hasDimensions(10, 10);
        assertThat(metadata.test().perClass()).hasSize(10);
        assertThat(metadata.parameterCount()).isEqualTo(1_702_026);
        assertThat(store.archive().loadNetwork(metadata.version()).numParams()).isEqualTo(1_702_026);
        assertThat(store.onnx().file(metadata.version())).as("the ONNX form is stored with the version").isPresent();
        ModelMetadata.Calibration calibration = metadata.calibration();
        assertThat(calibration.temperature()).as("fitted on the validation images").isBetween(0.05, 20.0);
        assertThat(calibration.eceAfter()).isBetween(0.0, 1.0);
        assertThat(calibration.eceBefore()).isBetween(0.0, 1.0);
        assertThat(calibration.fittedOn()).startsWith("validation");
        ModelMetadata.ValidationAccuracy recorded = metadata.validationAsUploads();
        assertThat(recorded.measuredOn()).startsWith(calibration.fittedOn() + ", inputs ");
        GarmentImages training = new IdxReader().read(dataset.datasetDir(), FashionMnistSplit.TRAIN);
        assertThat(recorded.measuredOn()).as("the name the promotion gate looks for, or the gate measures it again")
                .isEqualTo(ValidationSplit.measuredOn(training));
        GarmentImages validation = ValidationSplit.of(training);
        ModelEvaluator evaluator = new ModelEvaluator();
        try (StoredNetworks stored = store.archive().loadNetworks(metadata.version())) {
            double measured = evaluator.withServedEngine(stored.members(),
                    served -> evaluator.evaluateAsUploads(served, validation)).accuracy();
            assertThat(recorded.accuracy()).as("what the promotion gate compares: the stored version, as served, on"
                    + " the validation images").isEqualTo(measured);
        }
    }

    @Test
    void baselineScheduleDecaysPerEpochFromTheRateToFivePercent() {
        TrainingParameters p = new TrainingParameters(11, 64, 0.002, 1, 0, 5000, true, GarmentNetwork.Recipe.BASELINE, 0);
        LearningRateSchedule schedule = LearningRateSchedule.of(p, 100);
        assertThat(schedule.perIteration()).isFalse();
        assertThat(schedule.at(1, 0)).isEqualTo(p.learningRate());
        assertThat(schedule.at(11, 0)).isCloseTo(p.learningRate() * 0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(schedule.at(6, 50)).isLessThan(p.learningRate()).isGreaterThan(p.learningRate() * 0.05);
    }

    @Test
    void fastScheduleWarmsUpThenDecaysToOnePercentOverAllIterations() {
        TrainingParameters p = TrainingParameters.DEFAULTS.withEpochs(4);
        LearningRateSchedule schedule = LearningRateSchedule.of(p, 100);
        double peak = p.learningRate();
        assertThat(schedule.at(1, 0)).isCloseTo(peak * 0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(schedule.at(1, 30)).isGreaterThan(schedule.at(1, 10));
        assertThat(schedule.at(1, 60)).isCloseTo(peak, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(schedule.at(3, 0)).isLessThan(peak).isGreaterThan(schedule.at(4, 0));
        assertThat(schedule.at(4, 99)).isCloseTo(peak * 0.01, org.assertj.core.data.Offset.offset(peak * 1e-3));
    }

    @Test
    void commandLineOptionsAcceptBothForms() {
        TrainingParameters p = TrainOptions.parse(new String[] {"--train", "--epochs", "3", "--batch-size=128", "--no-augment"});
        assertThat(p.epochs()).isEqualTo(3);
        assertThat(p.batchSize()).isEqualTo(128);
        assertThat(p.augment()).isFalse();
    }
}
