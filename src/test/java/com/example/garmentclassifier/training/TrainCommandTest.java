package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training command of docs/model.md, as main() runs it (without the web server), on tiny data. */
@IntegrationTest
class TrainCommandTest {

    @TempDir
    Path store;

    @Test
    void trainsStoresAndActivatesAVersion() throws Exception {
        int code = run("--train", "--epochs", "1", "--train-limit=200",
                "--classifier.dataset-dir=src/test/resources/fashion-mnist-mini", "--classifier.model-store=" + store);

        assertThat(code).isZero();
        String active = Files.readString(store.resolve("active-version")).trim();
        assertThat(store.resolve("versions").resolve(active).resolve("model.zip")).isRegularFile();
        assertThat(store.resolve("versions").resolve(active).resolve("metadata.json")).isRegularFile();
    }

    @Test
    void missingDataSetExitsWithCode2AndStoresNothing() {
        int code = run("--train", "--epochs=1", "--classifier.dataset-dir=" + store.resolve("nothing-here"),
                "--classifier.model-store=" + store);

        assertThat(code).isEqualTo(2);
        assertThat(store.resolve("active-version")).doesNotExist();
    }

    @Test
    void aMisspeltOptionIsRefusedInsteadOfTrainingWithADefault() {
        int code = run("--train", "--epoch=3", "--classifier.dataset-dir=src/test/resources/fashion-mnist-mini",
                "--classifier.model-store=" + store, "--classifier.model-store-seed=model-store");

        assertThat(code).isEqualTo(2);
        assertThat(store.resolve("active-version")).doesNotExist();
        assertThat(store.resolve("versions")).as("nothing seeded before the options were checked").doesNotExist();
        assertThatThrownBy(() -> TrainOptions.checkKnown(new String[] {"--train", "--epochs", "3", "--lr=1"}))
                .hasMessageContaining("unknown option --lr=1");
        TrainOptions.checkKnown(new String[] {"--train", "--epochs", "3", "--recipe=baseline",
                "--classifier.model-store=x", "--no-activate"});
    }

    @Test
    void aResumedRunKeepsItsOwnOptionsAndACheckpointIsNeverOverwritten() throws Exception {
        Path checkpoints = store.resolve("checkpoints");
        Files.createDirectories(checkpoints);
        Files.writeString(checkpoints.resolve("latest"), "epoch-001");
        String data = "--classifier.dataset-dir=src/test/resources/fashion-mnist-mini";

        assertThat(run("--train", "--resume", checkpoints.toString(), "--epochs=8", data,
                "--classifier.model-store=" + store)).as("--epochs with --resume").isEqualTo(2);
        assertThat(run("--train", "--epochs=1", "--train-limit=200", "--checkpoint-dir=" + checkpoints, data,
                "--classifier.model-store=" + store)).as("a new run into a folder with a checkpoint").isEqualTo(2);
        assertThat(run("--train", "--resume=" + store.resolve("empty"), data, "--classifier.model-store=" + store))
                .as("nothing to resume").isEqualTo(2);
        assertThat(store.resolve("versions")).doesNotExist();
    }

    @Test
    void helpPrintsEveryOptionAndTrainsNothing() {
        int code = run("--train", "--help", "--classifier.model-store=" + store);

        assertThat(code).isZero();
        assertThat(store.resolve("versions")).doesNotExist();
        assertThat(TrainOptions.USAGE).contains("--epochs", "--batch-size", "--learning-rate", "--seed", "--train-limit",
                "--no-augment", "--recipe", "--stop-at-validation", "--warm-start", "--warm-start-from", "--no-activate",
                "--progress-lines", "--checkpoint-dir", "--resume");
    }

    private static int run(String... args) {
        return TrainerApplication.run(args);
    }
}
