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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar garment-classifier.jar --train [--epochs N] [--batch-size N] [--learning-rate X]
 * [--seed N] [--train-limit N] [--no-augment] [--recipe fast|robust|erasing|baseline] [--stop-at-validation X]
 * [--warm-start | --warm-start-from=VERSION] [--no-activate] [--progress-lines]}: trains a model (from the active version's weights with --warm-start, or a named
 * version's), stores it as a new version and (unless --no-activate) makes it the active one, then
 * exits. {@code --progress-lines} prints {@link ProgressLine}s for a parent process: this is how the
 * service runs retraining jobs in a child JVM.
 */
@Component
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

    public static final String USAGE = """
            java -jar garment-classifier.jar --train [options] [--classifier.<property>=<value> ...]
              --epochs N               epochs (1-200, default 5)
              --batch-size N           minibatch size (default 64)
              --learning-rate X        peak Adam learning rate (default 0.004)
              --seed N                 seed for weights, shuffling and augmentation (default 42)
              --train-limit N          use only the first N training images (0 = all, default)
              --no-augment             no augmentation (neither mirror and shift nor the recipe's own)
              --recipe fast|robust|erasing|distill|baseline  fast (default): ReLU after batch norm, one-cycle
                                       schedule, evaluation on ONNX Runtime; robust: fast, plus rotation (15 degrees)
                                       and scale augmentation; erasing: robust, plus random erasing; distill: robust,
                                       learning from a teacher's probabilities as well as the labels; baseline: the
                                       committed models' first recipe
              --teacher V              distill: the version whose served probabilities the student learns from
                                       (default: the active version)
              --soft-weight X          distill: share of each target taken from the teacher (0-1, default 0.7)
              --distill-temperature T  distill: the teacher's probabilities are softened at T (default 2)
              --stop-at-validation X   stop after the first epoch whose validation accuracy reaches X
              --warm-start             start from the active version's weights
              --warm-start-from=V      start from version V's weights
              --ensemble V1,V2,...     train nothing: store versions V1, V2, ... as one ensemble version serving
                                       the mean of their probabilities (how the committed model was made)
              --calibrate V            train nothing: fit version V's temperature on the validation images and
                                       record it (and the test ECE before and after) in its metadata
              --checkpoint-dir D       after every epoch, save where the run stands in folder D (a checkpointed run
                                       draws dropout from a seed per epoch, so it ends the same whether or not it
                                       was interrupted)
              --resume D               carry on the run checkpointed in D, with its own options, to its last epoch
              --no-activate            store the new version without making it active
              --progress-lines         print progress as JSON lines (how the service's training child reports)
              --help                   this text
            Data: classifier.dataset-dir (default /usr/share/datasets/fashion-mnist; apt-get install dataset-fashion-mnist).
            Memory: size heap and off-heap, e.g. -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=8G""";
    private static final Set<String> VALUED = Set.of("--epochs", "--batch-size", "--learning-rate", "--seed",
            "--train-limit", "--recipe", "--stop-at-validation", "--warm-start-from", "--ensemble", "--calibrate",
            "--checkpoint-dir", "--resume", "--teacher", "--soft-weight", "--distill-temperature");
    private static final Set<String> FLAGS = Set.of("--train", "--no-augment", "--warm-start", "--no-activate",
            "--progress-lines", "--help");
    private static final Set<String> RESUME_OPTIONS = Set.of("--train", "--resume", "--no-activate",
            "--progress-lines");
    /** Spring Boot's own command-line properties pass through. */
    private static final List<String> SPRING_PREFIXES = List.of("--classifier.", "--spring.", "--logging.",
            "--management.", "--server.", "--debug", "--trace");

    /** The profile the application runs under in training mode: beans that only serving needs stay out. */
    public static final String PROFILE = "train";

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
            System.out.println(USAGE);
            return;
        }
        boolean lines = flags.contains("--progress-lines");
        if (lines) {
            stopWithParent();
        }
        try {
            // A misspelt option is refused before anything is written.
            checkKnown(raw);
            // As the service does at startup, so a first command-line run finds the committed versions (a teacher, a
            // version to warm-start from). A training child is told there is no seed: its service seeded the store.
            seeder.seedConfigured();
            String calibrate = option(raw, "--calibrate", null);
            if (calibrate != null) {
                onStoredVersions(raw, () -> calibrate(calibrate));
                return;
            }
            String ensemble = option(raw, "--ensemble", null);
            if (ensemble != null) {
                onStoredVersions(raw, () -> compose(Arrays.stream(ensemble.split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).toList(), !flags.contains("--no-activate")));
                return;
            }
            String resume = option(raw, "--resume", null);
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
        TrainingParameters params = parse(raw, () -> active.current().orElseThrow(() ->
                new IllegalArgumentException("--recipe distill needs --teacher or an active version")));
        log.info("Training with {}", params);
        String warmVersion = option(raw, "--warm-start-from", null);
        if (warmVersion == null && flags.contains("--warm-start")) {
            warmVersion = active.current()
                    .orElseThrow(() -> new IllegalArgumentException("--warm-start needs an active version"));
        }
        if (warmVersion != null) {
            log.info("Continuing from version {}", warmVersion);
        }
        String folder = option(raw, "--checkpoint-dir", null);
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

    /** Only options that do not change the run may come with --resume: the run keeps its own. */
    private ModelMetadata resume(String[] raw, String directory, boolean lines) {
        checkKnown(raw);
        for (String arg : raw) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("--") && !RESUME_OPTIONS.contains(name)
                    && SPRING_PREFIXES.stream().noneMatch(arg::startsWith)) {
                throw new IllegalArgumentException(name + " cannot be combined with --resume: a resumed run keeps"
                        + " the options it was started with");
            }
        }
        log.info("Resuming the run checkpointed in {}", directory);
        return runner.resume(new CheckpointDirectory(Path.of(directory), json), progress(lines));
    }

    private TrainingProgress progress(boolean lines) {
        return lines ? new ProgressLinePrinter(json) : new TrainingProgress() { };
    }

    /** Runs a command on stored versions; a missing or broken version, or no data set, is a usage error. */
    private static void onStoredVersions(String[] raw, Runnable command) {
        checkKnown(raw);
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

    static TrainingParameters parse(String[] args) {
        return parse(args, () -> {
            throw new IllegalArgumentException("--recipe distill needs --teacher");
        });
    }

    /** @param activeVersion the teacher of a distill run without --teacher */
    static TrainingParameters parse(String[] args, Supplier<String> activeVersion) {
        checkKnown(args);
        TrainingParameters p = TrainingParameters.DEFAULTS;
        int epochs = intOption(args, "--epochs", p.epochs(), 1, 200);
        int batchSize = intOption(args, "--batch-size", p.batchSize(), 1, 4096);
        double learningRate = Double.parseDouble(option(args, "--learning-rate", String.valueOf(p.learningRate())));
        long seed = Long.parseLong(option(args, "--seed", String.valueOf(p.seed())));
        int trainLimit = intOption(args, "--train-limit", p.trainLimit(), 0, 60_000);
        boolean augment = !Arrays.asList(args).contains("--no-augment");
        GarmentNetwork.Recipe recipe = GarmentNetwork.Recipe.valueOf(
                option(args, "--recipe", p.recipe().name()).toUpperCase(java.util.Locale.ROOT));
        double stopAt = Double.parseDouble(option(args, "--stop-at-validation", String.valueOf(p.stopAtValidation())));
        boolean distillOptions = option(args, "--teacher", null) != null || option(args, "--soft-weight", null) != null
                || option(args, "--distill-temperature", null) != null;
        if (recipe != GarmentNetwork.Recipe.DISTILL && distillOptions) {
            throw new IllegalArgumentException("--teacher, --soft-weight and --distill-temperature need --recipe distill");
        }
        Distillation distillation = recipe != GarmentNetwork.Recipe.DISTILL ? null : new Distillation(
                Optional.ofNullable(option(args, "--teacher", null)).orElseGet(activeVersion),
                Double.parseDouble(option(args, "--soft-weight", String.valueOf(Distillation.DEFAULT_SOFT_WEIGHT))),
                Double.parseDouble(option(args, "--distill-temperature",
                        String.valueOf(Distillation.DEFAULT_TEMPERATURE))));
        return new TrainingParameters(epochs, batchSize, learningRate, seed, trainLimit, p.validationSize(), augment,
                recipe, stopAt, distillation);
    }

    /** Refuses a misspelt option instead of silently training with a default. */
    static void checkKnown(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (VALUED.contains(name)) {
                i += arg.contains("=") ? 0 : 1;
            } else if (!FLAGS.contains(arg) && !SPRING_PREFIXES.stream().anyMatch(arg::startsWith)) {
                throw new IllegalArgumentException("unknown option " + arg + "; --train --help lists the options");
            }
        }
    }

    private static int intOption(String[] args, String name, int fallback, int min, int max) {
        int value = Integer.parseInt(option(args, name, String.valueOf(fallback)));
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Accepts both {@code --name=value} and {@code --name value}. */
    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
