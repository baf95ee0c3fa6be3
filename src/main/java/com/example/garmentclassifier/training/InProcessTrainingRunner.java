package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains inside the calling JVM ({@code classifier.training.process=in-process}): what the
 * command line does, and what a service without the memory for a second JVM can fall back to.
 */
public class InProcessTrainingRunner implements TrainingRunner {

    private final TrainingPipeline pipeline;
    private final NetworkArchive archive;
    private final JsonMapper json;

    public InProcessTrainingRunner(TrainingPipeline pipeline, NetworkArchive archive, JsonMapper json) {
        this.pipeline = pipeline;
        this.archive = archive;
        this.json = json;
    }

    @Override
    public ModelMetadata train(TrainingParameters params, String warmStartVersion, TrainingProgress progress,
                               Path checkpoints) {
        CheckpointDirectory directory = checkpoints == null ? null : new CheckpointDirectory(checkpoints, json);
        if (directory != null) {
            directory.prepare();
        }
        return train(params, warmStartVersion, progress, directory);
    }

    /** @param checkpoints where to checkpoint every epoch ({@code --checkpoint-dir}), or null */
    public ModelMetadata train(TrainingParameters params, String warmStartVersion, TrainingProgress progress,
                               CheckpointDirectory checkpoints) {
        // A private copy read from the store: the serving model is never trained while it answers requests.
        MultiLayerNetwork warm = warmStartVersion == null ? null : archive.loadNetwork(warmStartVersion);
        try {
            return reportingFailures(() -> pipeline.run(params, warm, warmStartVersion, progress, checkpoints));
        } finally {
            if (warm != null) {
                warm.close();
            }
        }
    }

    @Override
    public ModelMetadata resume(Path checkpoints, TrainingProgress progress) {
        return resume(new CheckpointDirectory(checkpoints, json), progress);
    }

    /** Carries on a checkpointed run ({@code --resume}). */
    public ModelMetadata resume(CheckpointDirectory checkpoints, TrainingProgress progress) {
        return reportingFailures(() -> pipeline.resume(checkpoints, progress));
    }

    private static ModelMetadata reportingFailures(Supplier<ModelMetadata> training) {
        try {
            return training.get();
        } catch (DatasetUnavailableException | IllegalArgumentException e) {
            throw new TrainingFailedException(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new TrainingFailedException("Out of memory: give the JVM more heap (-Xmx) and ND4J more off-heap"
                    + " memory (-Dorg.bytedeco.javacpp.maxbytes), or train with a smaller batchSize");
        }
    }
}
