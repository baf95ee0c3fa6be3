package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.store.ActiveVersion;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelStoreSeeder;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar garment-classifier.jar --train [--epochs N] [--batch-size N] [--learning-rate X]
 * [--seed N] [--train-limit N] [--no-augment] [--recipe fast|robust|erasing|baseline] [--stop-at-validation X]
 * [--warm-start | --warm-start-from=VERSION] [--no-activate] [--progress-lines]}: trains a model (from the active version's weights with --warm-start, or a named
 * version's), stores it as a new version and (unless --no-activate) makes it the active one, then
 * exits. {@code --progress-lines} prints {@link ProgressLine}s for a parent process: this is how the
 * service runs retraining jobs in a child JVM.
 */
public class TrainCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    private final InProcessTrainingRunner runner;
    private final EnsembleComposer composer;
    private final CalibrationFitter calibration;
    private final ActiveVersion active;
    private final ModelStoreSeeder seeder;
    private final JsonMapper json;
    private volatile int exitCode;
    /** The exit status of a training child whose service stopped. */
    static final int PARENT_GONE_EXIT = 4;

    public TrainCommand(TrainingPipeline pipeline, NetworkArchive archive, EnsembleComposer composer,
                        CalibrationFitter calibration, ActiveVersion active, ModelStoreSeeder seeder, JsonMapper json) {
        // The command line always trains in this JVM, whatever classifier.training.process says for jobs.
        this.runner = new InProcessTrainingRunner(pipeline, archive, json);
        this.composer = composer;
        this.calibration = calibration;
        this.active = active;
        this.seeder = seeder;
        this.json = json;
    }

    /** 0 after a successful run, 2 when the data set or an option was unusable, 3 when memory ran out. */
    @Override
    public int getExitCode() {
        return exitCode;
    }

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains("--train");
    }

    @Override
    public void run(ApplicationArguments args) {
        String[] raw = args.getSourceArgs();
        if (!isRequested(raw)) {
            return;
        }
        List<String> flags = Arrays.asList(raw);
        if (flags.contains("--help")) {
            System.out.println(TrainOptions.USAGE);
            return;
        }
        boolean lines = flags.contains("--progress-lines");
        if (lines) {
            stopWithParent();
        }
        try {
            // A misspelt option is refused before anything is written.
            TrainOptions.checkKnown(raw);
            // As the service does at startup, so a first command-line run finds the committed versions (a teacher, a
            // version to warm-start from). A training child is told there is no seed: its service seeded the store.
            seeder.seedConfigured();
            String calibrate = TrainOptions.option(raw, "--calibrate", null);
            if (calibrate != null) {
                onStoredVersions(raw, () -> calibrate(calibrate));
                return;
            }
            String ensemble = TrainOptions.option(raw, "--ensemble", null);
            if (ensemble != null) {
                onStoredVersions(raw, () -> compose(Arrays.stream(ensemble.split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).toList(), !flags.contains("--no-activate")));
                return;
            }
            String resume = TrainOptions.option(raw, "--resume", null);
            ModelMetadata stored = resume != null ? resume(raw, resume, lines) : train(raw, lines);
            log.info("Test accuracy {} on {} images; stored as version {}", stored.testAccuracy(),
                    stored.test().examples(), stored.version());
            if (lines) {
                System.out.println(ProgressLine.stored(stored.version()).encode(json));
            }
            if (!flags.contains("--no-activate")) {
                active.activate(stored.version());
                log.info("Version {} is now active", stored.version());
            }
        } catch (TrainingFailedException | IllegalArgumentException e) {
            // NumberFormatException (a mistyped number) is an IllegalArgumentException too.
            log.error("Training failed: {}", e.getMessage());
            if (lines) {
                System.out.println(ProgressLine.failed(e.getMessage()).encode(json));
            }
            exitCode = e.getMessage() != null && e.getMessage().startsWith("Out of memory") ? 3 : 2;
        }
    }

    /**
     * A training child whose service is killed (kill -9, a crash) stops too, instead of training on with
     * no one to read its progress: the restarted service carries the job on from its last checkpoint, and
     * two processes must not write that checkpoint at once. A checkpoint is written atomically, so
     * stopping at any moment leaves the previous one whole.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            log.error("The service that started this training process has stopped; stopping too");
            Runtime.getRuntime().halt(PARENT_GONE_EXIT);
        }));
    }

    private ModelMetadata train(String[] raw, boolean lines) {
        List<String> flags = Arrays.asList(raw);
        TrainingParameters params = TrainOptions.parse(raw, () -> active.current().orElseThrow(() ->
                new IllegalArgumentException("--recipe distill needs --teacher or an active version")));
        log.info("Training with {}", params);
        String warmVersion = TrainOptions.option(raw, "--warm-start-from", null);
        if (warmVersion == null && flags.contains("--warm-start")) {
            warmVersion = active.current()
                    .orElseThrow(() -> new IllegalArgumentException("--warm-start needs an active version"));
        }
        if (warmVersion != null) {
            log.info("Continuing from version {}", warmVersion);
        }
        String folder = TrainOptions.option(raw, "--checkpoint-dir", null);
        CheckpointDirectory checkpoints = folder == null ? null : new CheckpointDirectory(Path.of(folder), json);
        if (checkpoints != null && checkpoints.hasCheckpoint()) {
            throw new IllegalArgumentException(folder + " already holds a run's checkpoint: carry it on with --resume "
                    + folder + ", or checkpoint a new run in another folder");
        }
        if (checkpoints != null) {
            checkpoints.prepare();
        }
        return runner.train(params, warmVersion, progress(lines), checkpoints);
    }

    /** Carries on a checkpointed run, with the options it was started with. */
    private ModelMetadata resume(String[] raw, String directory, boolean lines) {
        TrainOptions.checkResumable(raw);
        log.info("Resuming the run checkpointed in {}", directory);
        return runner.resume(new CheckpointDirectory(Path.of(directory), json), progress(lines));
    }

    private TrainingProgress progress(boolean lines) {
        return lines ? new ProgressLinePrinter(json) : new TrainingProgress() { };
    }

    /** Runs a command on stored versions; a missing or broken version, or no data set, is a usage error. */
    private static void onStoredVersions(String[] raw, Runnable command) {
        TrainOptions.checkKnown(raw);
        try {
            command.run();
        } catch (ModelVersionNotFoundException | InvalidModelException | DatasetUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void calibrate(String version) {
        ServedScores scores = calibration.calibrate(version);
        ModelMetadata.Calibration fitted = scores.calibration();
        log.info("Version {}: temperature {}, test ECE {} before, {} after; validation accuracy as uploads {}",
                version, fitted.temperature(), fitted.eceBefore(), fitted.eceAfter(),
                scores.validationAsUploads().accuracy());
    }

    private void compose(List<String> versions, boolean activate) {
        log.info("Composing an ensemble of versions {}", versions);
        ModelMetadata stored = composer.compose(versions);
        log.info("Ensemble test accuracy {} ({} as uploads); stored as version {}", stored.testAccuracy(),
                stored.testAsUploads().accuracy(), stored.version());
        if (activate) {
            active.activate(stored.version());
            log.info("Version {} is now active", stored.version());
        }
    }

}
