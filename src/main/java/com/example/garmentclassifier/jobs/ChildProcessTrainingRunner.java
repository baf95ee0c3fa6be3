package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.VersionWriter;
import com.example.garmentclassifier.training.Distillation;
import com.example.garmentclassifier.training.ProgressLine;
import com.example.garmentclassifier.training.TrainingCancelledException;
import com.example.garmentclassifier.training.TrainingFailedException;
import com.example.garmentclassifier.training.TrainingParameters;
import com.example.garmentclassifier.training.TrainingProgress;
import com.example.garmentclassifier.training.TrainingRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains in a child JVM: the same application in training mode ({@code --train}), with its own heap
 * and off-heap limits and at a lower CPU priority, so a training run can neither exhaust the serving
 * process's memory nor crash it. The child reports progress as {@link ProgressLine}s on its output
 * and stores the new version through the store's atomic path; cancelling kills it.
 */
public class ChildProcessTrainingRunner implements TrainingRunner {

    static final String OUT_OF_MEMORY_EXIT = "3";
    /** Marks the training child's command line. */
    public static final String CHILD_MARKER = "-Dgarment-classifier.role=training-child";
    private static final Logger log = LoggerFactory.getLogger(ChildProcessTrainingRunner.class);
    private static final long CANCEL_POLL_MILLIS = 200;
    private static final long STOP_GRACE_SECONDS = 10;

    private final TrainingJobProperties training;
    private final Path datasetDir;
    private final StoreLayout layout;
    private final ModelVersions versions;
    private final VersionWriter writer;
    private final JsonMapper json;
    private final TrainingLaunchCommand launch;

    public ChildProcessTrainingRunner(TrainingJobProperties training, Path datasetDir, StoreLayout layout,
                                      ModelVersions versions, VersionWriter writer, JsonMapper json,
                                      TrainingLaunchCommand launch) {
        this.training = training;
        this.datasetDir = datasetDir;
        this.layout = layout;
        this.versions = versions;
        this.writer = writer;
        this.json = json;
        this.launch = launch;
    }

    @Override
    public ModelMetadata train(TrainingParameters params, String warmStartVersion, TrainingProgress progress,
                               Path checkpoints) {
        return run(command(trainArguments(params, warmStartVersion, checkpoints)), progress, false);
    }

    @Override
    public ModelMetadata resume(Path checkpoints, TrainingProgress progress) {
        // The run keeps the options it was started with: they are in its checkpoint.
        return run(command(new ArrayList<>(List.of("--train", "--progress-lines", "--no-activate",
                "--resume=" + checkpoints.toAbsolutePath()))), progress, true);
    }

    /** @param appendLog a resumed job's child adds to the log of the run it carries on, rather than replacing it */
    private ModelMetadata run(List<String> command, TrainingProgress progress, boolean appendLog) {
        Path logFile = layout.trainingChildLog();
        Process child;
        try {
            Files.createDirectories(logFile.getParent());
            child = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TrainingFailedException("Cannot start the training process: " + e.getMessage());
        }
        log.info("Training in child process {}", child.pid());
        AtomicReference<ProgressLine> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> follow(child, logFile, appendLog, progress, outcome),
                "training-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean cancelled = awaitOrCancel(child, progress);
            reader.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS));
            if (cancelled) {
                writer.cleanTemporaryFiles();
                throw new TrainingCancelledException("cancelled: the training process was stopped");
            }
            return result(child.exitValue(), outcome.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            throw new TrainingFailedException("interrupted: the service is stopping");
        }
    }

    private static List<String> trainArguments(TrainingParameters params, String warmStartVersion, Path checkpoints) {
        List<String> args = new ArrayList<>(List.of("--train", "--progress-lines", "--no-activate",
                "--epochs=" + params.epochs(), "--batch-size=" + params.batchSize(),
                "--learning-rate=" + params.learningRate(), "--seed=" + params.seed(),
                "--train-limit=" + params.trainLimit(), "--recipe=" + params.recipe(),
                "--stop-at-validation=" + params.stopAtValidation()));
        Distillation distillation = params.distillation();
        if (distillation != null) {
            args.addAll(List.of("--teacher=" + distillation.teacher(), "--soft-weight=" + distillation.softWeight(),
                    "--distill-temperature=" + distillation.temperature()));
        }
        if (!params.augment()) {
            args.add("--no-augment");
        }
        if (warmStartVersion != null) {
            args.add("--warm-start-from=" + warmStartVersion);
        }
        if (checkpoints != null) {
            args.add("--checkpoint-dir=" + checkpoints.toAbsolutePath());
        }
        return args;
    }

    private List<String> command(List<String> args) {
        args.add("--classifier.model-store=" + layout.root());
        // Seeding is the service's job, done at its startup; the child only trains into the store.
        args.add("--classifier.model-store-seed=");
        args.add("--classifier.dataset-dir=" + datasetDir.toAbsolutePath());
        // First, so that ps (and tools that read only the start of a long command line) can tell the child apart.
        List<String> jvm = new ArrayList<>(List.of(CHILD_MARKER, "-Xmx" + training.childHeap(),
                "-Dorg.bytedeco.javacpp.maxbytes=" + training.childOffHeap(),
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + training.childPhysicalMemory(),
                // The JVM exits with status 3 on a heap OOM; the command does the same for ND4J's off-heap OOM.
                "-XX:+ExitOnOutOfMemoryError"));
        jvm.addAll(training.childJvmOptions());
        return launch.command(jvm, args, training.childNice());
    }

    /** Waits for the child; kills it when cancellation is asked for. Returns whether it was cancelled. */
    private static boolean awaitOrCancel(Process child, TrainingProgress progress) throws InterruptedException {
        while (!child.waitFor(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (progress.cancelRequested()) {
                stop(child);
                return true;
            }
        }
        return false;
    }

    private static void stop(Process child) {
        child.destroyForcibly();
        try {
            child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards the child's events and keeps its log (the service's log would drown in it). */
    private void follow(Process child, Path logFile, boolean append, TrainingProgress progress,
                        AtomicReference<ProgressLine> outcome) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
             var logOut = append
                     ? Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                             StandardOpenOption.APPEND)
                     : Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                logOut.write(line);
                logOut.newLine();
                ProgressLine.decode(line, json).ifPresent(event -> {
                    switch (event.event()) {
                        case "batch" -> progress.batchDone(event.epoch(), event.batch(), event.batches());
                        case "epoch" -> progress.epochDone(event.metrics(), event.eta());
                        default -> outcome.set(event);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Lost the training process's output: {}", e.getMessage());
        }
    }

    private ModelMetadata result(int exitCode, ProgressLine outcome) {
        if (exitCode == 0 && outcome != null && "stored".equals(outcome.event())) {
            return versions.readMetadata(outcome.version());
        }
        writer.cleanTemporaryFiles();
        if (outcome != null && "failed".equals(outcome.event())) {
            throw new TrainingFailedException(outcome.reason());
        }
        if (String.valueOf(exitCode).equals(OUT_OF_MEMORY_EXIT)) {
            throw new TrainingFailedException("Out of memory in the training process (heap "
                    + training.childHeap() + ", off-heap " + training.childOffHeap()
                    + "): raise classifier.training.child-heap / child-off-heap, or train with a smaller batchSize");
        }
        if (exitCode > 128) {
            throw new TrainingFailedException("The training process was killed (signal " + (exitCode - 128)
                    + "); the serving model is unchanged");
        }
        throw new TrainingFailedException("The training process exited with code " + exitCode
                + " without storing a model; see " + layout.root().relativize(layout.trainingChildLog()) + " in the model store");
    }
}
