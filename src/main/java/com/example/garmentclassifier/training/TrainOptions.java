package com.example.garmentclassifier.training;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code --train} command line: its options, their checks, and the training parameters they make.
 * Apart from {@link TrainCommand}, which runs what they ask for, so that either can be read alone.
 */
public final class TrainOptions {

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

    private TrainOptions() {
    }

    /** Only options that do not change the run may come with --resume: the run keeps its own. */
    static void checkResumable(String[] args) {
        checkKnown(args);
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("--") && !RESUME_OPTIONS.contains(name)
                    && SPRING_PREFIXES.stream().noneMatch(arg::startsWith)) {
                throw new IllegalArgumentException(name + " cannot be combined with --resume: a resumed run keeps"
                        + " the options it was started with");
            }
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
    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return fallback;
    }}
