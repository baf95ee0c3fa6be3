package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.Probabilities;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The distillation targets: their arithmetic, and that a student really learns from them (real, tiny training). */
@IntegrationTest
class SoftTargetsTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");
    private static final int SNEAKER = 7;

    @Test
    void softeningFlattensTheTeacherWithoutChangingItsChoice() {
        float[] teacher = {0.70f, 0.20f, 0.10f, 0, 0, 0, 0, 0, 0, 0};

        double[] asServed = SoftTargets.soften(teacher, 1);
        double[] soft = SoftTargets.soften(teacher, 2);

        assertThat(asServed[0]).isCloseTo(0.70, within(1e-6));
        assertThat(asServed[2]).isCloseTo(0.10, within(1e-6));
        assertThat(Arrays.stream(soft).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(soft[0]).as("still the most likely class").isGreaterThan(soft[1]).isLessThan(0.70);
        // p^(1/2) renormalised: sqrt(0.7) / (sqrt(0.7) + sqrt(0.2) + sqrt(0.1) + ~0)
        assertThat(soft[0]).isCloseTo(Math.sqrt(0.7) / (Math.sqrt(0.7) + Math.sqrt(0.2) + Math.sqrt(0.1)), within(1e-5));
        assertThat(soft[5]).as("a class the teacher rules out stays (almost) out").isLessThan(1e-5);
    }

    @Test
    void theTargetIsTheWeightedMixOfTeacherAndLabel() {
        float[][] teacher = {{0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0}};
        float[][] label = {{0, 1, 0, 0, 0, 0, 0, 0, 0, 0}};

        float[] mixed = SoftTargets.mix(teacher, label, 0.7, 1)[0];

        assertThat(mixed[0]).isCloseTo(0.35f, within(1e-6f));
        assertThat(mixed[1]).isCloseTo(0.35f + 0.3f, within(1e-6f));
        assertThat(SoftTargets.mix(teacher, label, 0, 3)[0]).as("weight 0: the label alone").containsExactly(label[0]);
    }

    @Test
    void applyKeepsTheImagesAndReplacesTheLabels() {
        DataSet batch = new DataSet(Nd4j.rand(2, 28, 28, 1), Nd4j.create(new float[][] {
                {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}}));
        SoftTargets targets = new SoftTargets(alwaysSays(SNEAKER), new Distillation("teacher", 0.5, 1));

        DataSet applied = targets.apply(batch);

        assertThat(applied.getFeatures()).isSameAs(batch.getFeatures());
        assertThat(applied.getLabels().getFloat(0, 0)).isEqualTo(0.5f);
        assertThat(applied.getLabels().getFloat(1, SNEAKER)).isEqualTo(0.5f);
    }

    /**
     * A teacher that calls every image a sneaker, with all the weight on it: the student ends up calling
     * the validation images sneakers, which the labels alone never teach it. So the soft targets reach
     * the loss that training minimises.
     */
    @Test
    void aStudentLearnsWhatItsTeacherSaysRatherThanTheLabels() {
        GarmentImages training = new IdxReader().read(MINI, FashionMnistSplit.TRAIN);
        GarmentImages validation = training.range(1000, 1200);
        TrainingParameters params = new TrainingParameters(2, 32, 0.004, 3, 400, 5000, true,
                GarmentNetwork.Recipe.ROBUST, 0).distilling(new Distillation("sneaker-teacher", 1.0, 1));

        MultiLayerNetwork fromTeacher = new ModelTrainer().train(training, params, null, new TrainingProgress() { },
                null, new SoftTargets(alwaysSays(SNEAKER), params.distillation())).network();
        MultiLayerNetwork fromLabels = new ModelTrainer().train(training, new TrainingParameters(2, 32, 0.004, 3, 400,
                5000, true, GarmentNetwork.Recipe.ROBUST, 0), null, new TrainingProgress() { }).network();

        assertThat(shareCalledSneaker(fromTeacher, validation)).isGreaterThan(0.95);
        assertThat(shareCalledSneaker(fromLabels, validation)).as("the labels have about a tenth sneakers")
                .isLessThan(0.3);
    }

    private static double shareCalledSneaker(MultiLayerNetwork network, GarmentImages images) {
        float[][] probabilities = new ModelEvaluator().probabilities(
                new com.example.garmentclassifier.inference.engine.Dl4jEngine(network,
                        com.example.garmentclassifier.inference.engine.ImageShape.GARMENT), images);
        return Arrays.stream(probabilities).filter(p -> Probabilities.mostLikely(p) == SNEAKER).count()
                / (double) probabilities.length;
    }

    private static InferenceEngine alwaysSays(int label) {
        return new InferenceEngine() {
            @Override
            public float[][] predict(float[][] images) {
                float[][] out = new float[images.length][10];
                for (float[] row : out) {
                    row[label] = 1;
                }
                return out;
            }

            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public void close() {
            }
        };
    }
}
