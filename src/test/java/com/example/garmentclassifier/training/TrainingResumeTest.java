package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpointed run stopped mid-way and resumed in a fresh pipeline ends exactly where the same run
 * left alone ends: same weights, same per-epoch figures. Real (tiny) training on the mini data set.
 */
@IntegrationTest
class TrainingResumeTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");
    private static final TrainingParameters PARAMS = new TrainingParameters(3, 32, 0.004, 11, 200, 5000, true,
            GarmentNetwork.Recipe.ROBUST, 0);

    @TempDir
    Path temp;

    private final JsonMapper json = JsonMapper.builder().build();

    private TrainingPipeline pipeline(Path store) {
        return new TrainingPipeline(new DatasetProperties(MINI), new IdxReader(), new ModelTrainer(),
                new ModelEvaluator(), TestStore.at(store).archive());
    }

    /** Stops the run at the first batch of {@code epoch}, as a killed process would stop it. */
    private static TrainingProgress stoppingAt(int epoch) {
        return new TrainingProgress() {
            private int current;

            @Override
            public void batchDone(int e, int batch, int batches) {
                current = e;
            }

            @Override
            public boolean cancelRequested() {
                return current >= epoch;
            }
        };
    }

    @Test
    void aResumedRunEndsWhereTheUninterruptedRunEnds() throws Exception {
        Path whole = temp.resolve("whole");
        CheckpointDirectory wholeCheckpoints = new CheckpointDirectory(whole.resolve("checkpoints"), json);
        assertThatThrownBy(wholeCheckpoints::load).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training checkpoint");
        ModelMetadata uninterrupted = pipeline(whole.resolve("store")).run(PARAMS, null, null,
                new TrainingProgress() { }, wholeCheckpoints);
        try (Stream<Path> files = Files.list(wholeCheckpoints.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("the two newest checkpoints are kept; the stored version is recorded")
                    .containsExactly("epoch-002", "epoch-003", "latest", "stored");
        }

        Path split = temp.resolve("split");
        CheckpointDirectory checkpoints = new CheckpointDirectory(split.resolve("checkpoints"), json);
        assertThatThrownBy(() -> pipeline(split.resolve("store")).run(PARAMS, null, null, stoppingAt(3), checkpoints))
                .isInstanceOf(TrainingCancelledException.class);
        CheckpointDirectory.Resumed saved = checkpoints.load();
        assertThat(saved.checkpoint().epochsDone()).as("the last whole epoch was saved").isEqualTo(2);
        assertThat(saved.checkpoint().history()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(saved.checkpoint().order()).hasSize(180);
        saved.checkpoint().network().close();

        ModelMetadata resumed = pipeline(split.resolve("store")).resume(checkpoints, new TrainingProgress() { });

        assertThat(figures(resumed.training().epochs())).isEqualTo(figures(uninterrupted.training().epochs()));
        assertThat(resumed.training().bestEpoch()).isEqualTo(uninterrupted.training().bestEpoch());
        assertThat(resumed.training().seed()).isEqualTo(PARAMS.seed());
        MultiLayerNetwork a = TestStore.at(whole.resolve("store")).archive().loadNetwork(uninterrupted.version());
        MultiLayerNetwork b = TestStore.at(split.resolve("store")).archive().loadNetwork(resumed.version());
        assertThat(b.params().equalsWithEps(a.params(), 0)).as("identical weights").isTrue();
        assertThat(resumed.test().accuracy()).isEqualTo(uninterrupted.test().accuracy());
        assertThatThrownBy(checkpoints::load).as("a stored run is not resumed (and stored) twice")
                .hasMessageContaining("was stored as version " + resumed.version());
    }

    /** Each epoch's figures without its duration, which differs between any two runs. */
    private static List<List<Double>> figures(List<EpochMetrics> epochs) {
        return epochs.stream().map(e -> List.of((double) e.epoch(), e.loss(), e.trainAccuracy(),
                e.validationAccuracy(), e.learningRate())).toList();
    }
}
