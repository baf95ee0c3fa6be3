package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Path;

/**
 * Runs one training job to a stored model version. The job service decides what to do with the
 * result (promotion gate, swap); a runner only trains, stores and reports progress.
 */
public interface TrainingRunner {

    /**
     * @param warmStartVersion stored version whose weights training starts from, or null
     * @param progress         receives batches and epochs; asked regularly whether to stop
     * @return the stored version's metadata
     * @throws TrainingCancelledException when {@code progress} asked to stop
     * @throws TrainingFailedException    with a reason for the job record
     */
    default ModelMetadata train(TrainingParameters params, String warmStartVersion, TrainingProgress progress) {
        return train(params, warmStartVersion, progress, null);
    }

    /**
     * As {@link #train(TrainingParameters, String, TrainingProgress)}, saving where the run stands after
     * every epoch in {@code checkpoints} (a {@link CheckpointDirectory}), or nowhere when it is null.
     */
    ModelMetadata train(TrainingParameters params, String warmStartVersion, TrainingProgress progress,
                        Path checkpoints);

    /** Carries on the run checkpointed in {@code checkpoints} to its last epoch, then stores it as train does. */
    ModelMetadata resume(Path checkpoints, TrainingProgress progress);
}
