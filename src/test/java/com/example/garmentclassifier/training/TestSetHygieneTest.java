package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.jobs.PromotionDecision;
import com.example.garmentclassifier.jobs.PromotionPolicy;
import com.example.garmentclassifier.jobs.ValidationGate;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test file only reports: training, the choice of epoch, the temperature, the validation figure the
 * gate compares, distillation and the promotion decision come out the same, bit for bit, when the test
 * images and labels are replaced by noise. Real (tiny) training on the mini data set, twice.
 */
@IntegrationTest
class TestSetHygieneTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    /** What one world decided and made: the versions, their weights and the gate's decision. */
    private record Outcome(ModelMetadata teacher, ModelMetadata student, MultiLayerNetwork teacherNetwork,
                           MultiLayerNetwork studentNetwork, PromotionDecision decision) {
    }

    @Test
    void replacingTheTestFileByNoiseChangesOnlyTheReportedTestFigures() throws IOException {
        Path realData = Files.createDirectories(temp.resolve("real-data"));
        Path noiseData = Files.createDirectories(temp.resolve("noise-data"));
        for (FashionMnistSplit split : FashionMnistSplit.values()) {
            for (String file : List.of(split.imagesFile(), split.labelsFile())) {
                Files.copy(MINI.resolve(file), realData.resolve(file));
                if (split == FashionMnistSplit.TRAIN) {
                    Files.copy(MINI.resolve(file), noiseData.resolve(file));
                }
            }
        }
        IdxWriter.write(noiseData, FashionMnistSplit.TEST, noise(300));

        Outcome real = trainAndGate(realData, temp.resolve("real-store"));
        Outcome noise = trainAndGate(noiseData, temp.resolve("noise-store"));

        for (var pair : List.of(List.of(real.teacher(), noise.teacher()), List.of(real.student(), noise.student()))) {
            ModelMetadata a = pair.get(0);
            ModelMetadata b = pair.get(1);
            assertThat(figures(b.training().epochs())).isEqualTo(figures(a.training().epochs()));
            assertThat(b.training().bestEpoch()).isEqualTo(a.training().bestEpoch());
            assertThat(b.validationAsUploads().accuracy()).isEqualTo(a.validationAsUploads().accuracy());
            assertThat(b.validationAsUploads().measuredOn()).isEqualTo(a.validationAsUploads().measuredOn());
            assertThat(b.calibration().temperature()).as("fitted on validation only")
                    .isEqualTo(a.calibration().temperature());
            assertThat(b.test().accuracy()).as("the test figure is the one thing the noise changes")
                    .isNotEqualTo(a.test().accuracy());
        }
        assertThat(noise.teacherNetwork().params().equalsWithEps(real.teacherNetwork().params(), 0))
                .as("bit-identical weights").isTrue();
        assertThat(noise.studentNetwork().params().equalsWithEps(real.studentNetwork().params(), 0))
                .as("bit-identical weights of the distilled student").isTrue();
        assertThat(noise.decision().promoted()).isEqualTo(real.decision().promoted());
        assertThat(noise.decision().candidateAccuracy()).isEqualTo(real.decision().candidateAccuracy());
        assertThat(noise.decision().activeAccuracy()).isEqualTo(real.decision().activeAccuracy());
        assertThat(noise.decision().measuredOn()).isEqualTo(real.decision().measuredOn());
    }

    /** A robust network, a student distilled from it, and the gate deciding whether the student replaces it. */
    private static Outcome trainAndGate(Path data, Path storeDir) {
        TestStore store = TestStore.at(storeDir);
        TrainingPipeline pipeline = new TrainingPipeline(new DatasetProperties(data), new IdxReader(),
                new ModelTrainer(), new ModelEvaluator(), store.archive());
        ModelMetadata teacher = pipeline.run(new TrainingParameters(2, 32, 0.004, 5, 200, 5000, true,
                GarmentNetwork.Recipe.ROBUST, 0), null, null, new TrainingProgress() { });
        ModelMetadata student = pipeline.run(new TrainingParameters(2, 32, 0.004, 6, 200, 5000, true,
                GarmentNetwork.Recipe.ROBUST, 0).distilling(Distillation.from(teacher.version())), null, null,
                new TrainingProgress() { });
        PromotionDecision decision = new ValidationGate(store.versions(), store.archive(), store.records(),
                new IdxReader(), data)
                .decide(PromotionPolicy.IF_BETTER, student.version(), teacher.version(), 0);
        return new Outcome(teacher, student, store.archive().loadNetwork(teacher.version()),
                store.archive().loadNetwork(student.version()), decision);
    }

    private static GarmentImages noise(int count) {
        Random random = new Random(99);
        byte[][] pixels = new byte[count][GarmentImages.PIXELS];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            random.nextBytes(pixels[i]);
            labels[i] = random.nextInt(10);
        }
        return new GarmentImages(pixels, labels);
    }

    /** Each epoch's figures without its duration. */
    private static List<List<Double>> figures(List<EpochMetrics> epochs) {
        return epochs.stream().map(e -> List.of((double) e.epoch(), e.loss(), e.trainAccuracy(),
                e.validationAccuracy(), e.learningRate())).toList();
    }
}
