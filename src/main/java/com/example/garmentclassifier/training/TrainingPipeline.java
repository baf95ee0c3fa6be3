package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelStoreWriteException;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.stereotype.Component;

/**
 * Reads Fashion-MNIST, trains, evaluates on the 10,000 test images and stores the result as a
 * new model version. Shared by the command line and (later) background jobs.
 */
@Component
public class TrainingPipeline {

    private final DatasetProperties dataset;
    private final IdxReader reader;
    private final ModelTrainer trainer;
    private final ModelEvaluator evaluator;
    private final NetworkArchive archive;

    public TrainingPipeline(DatasetProperties dataset, IdxReader reader, ModelTrainer trainer,
                            ModelEvaluator evaluator, NetworkArchive archive) {
        this.dataset = dataset;
        this.reader = reader;
        this.trainer = trainer;
        this.evaluator = evaluator;
        this.archive = archive;
    }

    /**
     * @param warmStart network to continue training, or null; {@code warmStartVersion} names it in the metadata
     */
    public ModelMetadata run(TrainingParameters params, MultiLayerNetwork warmStart, String warmStartVersion,
                             TrainingProgress progress) {
        return run(params, warmStart, warmStartVersion, progress, null);
    }

    /** As {@link #run(TrainingParameters, MultiLayerNetwork, String, TrainingProgress)}, checkpointing every epoch. */
    public ModelMetadata run(TrainingParameters params, MultiLayerNetwork warmStart, String warmStartVersion,
                             TrainingProgress progress, CheckpointDirectory checkpoints) {
        GarmentImages train = reader.read(dataset.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(dataset.datasetDir(), FashionMnistSplit.TEST);
        Instant started = Instant.now();
        TrainedNetwork trained = withTeacher(params, softTargets -> trainer.train(train, params, warmStart, progress,
                checkpoints == null ? null : checkpoint -> checkpoints.save(checkpoint, warmStartVersion),
                softTargets));
        ModelMetadata stored = evaluateAndStore(trained, params, warmStartVersion, started, train, test);
        if (checkpoints != null) {
            checkpoints.markStored(stored.version());
        }
        return stored;
    }

    /** Carries on the run checkpointed in {@code checkpoints}, then evaluates and stores it as {@link #run} does. */
    public ModelMetadata resume(CheckpointDirectory checkpoints, TrainingProgress progress) {
        GarmentImages train = reader.read(dataset.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(dataset.datasetDir(), FashionMnistSplit.TEST);
        CheckpointDirectory.Resumed resumed = checkpoints.load();
        Instant started = Instant.now();
        TrainedNetwork trained;
        try {
            trained = withTeacher(resumed.checkpoint().params(), softTargets -> trainer.resume(train,
                    resumed.checkpoint(), progress, checkpoint -> checkpoints.save(checkpoint,
                            resumed.warmStartVersion()), softTargets));
        } catch (RuntimeException e) {
            resumed.checkpoint().network().close();
            throw e;
        }
        ModelMetadata stored = evaluateAndStore(trained, resumed.checkpoint().params(), resumed.warmStartVersion(),
                started, train, test);
        checkpoints.markStored(stored.version());
        return stored;
    }

    /**
     * Runs {@code training} with the soft targets of the run's teacher, asked as served on ONNX Runtime (a
     * forward pass per augmented batch costs a few per cent of the student's training step), or with none
     * for a recipe that does not distil.
     */
    private TrainedNetwork withTeacher(TrainingParameters params, Function<SoftTargets, TrainedNetwork> training) {
        Distillation distillation = params.distillation();
        if (distillation == null) {
            return training.apply(null);
        }
        try (StoredNetworks teacher = archive.loadNetworks(distillation.teacher())) {
            return evaluator.withServedEngine(teacher.members(),
                    served -> training.apply(new SoftTargets(served, distillation)));
        } catch (ModelVersionNotFoundException | InvalidModelException e) {
            throw new TrainingFailedException("Cannot distil from version " + distillation.teacher() + ": "
                    + e.getMessage());
        }
    }

    private ModelMetadata evaluateAndStore(TrainedNetwork trained, TrainingParameters params, String warmStartVersion,
                                           Instant started, GarmentImages train, GarmentImages test) {
        try {
            ServedScores scores = evaluator.withServedEngine(trained.network(),
                    served -> ServedScores.measure(evaluator, served, train, test));
            return store(trained, params, warmStartVersion, started, scores);
        } catch (ModelStoreWriteException e) {
            throw new TrainingFailedException("Training finished but was not saved: " + e.getMessage()
                    + "; the serving model is unchanged");
        } finally {
            // The stored file is what serves; free the training copy's native memory now, not at some GC.
            trained.network().close();
        }
    }

    private ModelMetadata store(TrainedNetwork trained, TrainingParameters params, String warmStartVersion,
                                Instant started, ServedScores scores) {
        ModelMetadata draft = new ModelMetadata(null, started, GarmentNetwork.summaryOf(trained.network()),
                trained.network().numParams(), FashionMnistLabels.LABELS, null, null,
                new ModelMetadata.Training(hyperparameters(params), params.seed(), round(trained.seconds()),
                        trained.trainExamples(), trained.validationExamples(), trained.bestEpoch(), warmStartVersion,
                        trained.epochs()),
                scores.test(), scores.testAsUploads(), null, null, scores.calibration(), scores.validationScore());
        return archive.save(trained.network(), draft);
    }

    private static Map<String, Object> hyperparameters(TrainingParameters params) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", params.epochs());
        map.put("batchSize", params.batchSize());
        map.put("learningRate", params.learningRate());
        map.put("recipe", params.recipe().name().toLowerCase(java.util.Locale.ROOT));
        map.put("learningRateSchedule", params.recipe().fast()
                ? "one-cycle per iteration: linear warm-up over the first 15 %, cosine to 1 %" : "cosine per epoch to 5%");
        if (params.stopAtValidation() > 0) {
            map.put("stopAtValidation", params.stopAtValidation());
        }
        map.put("optimizer", "Adam");
        map.put("trainLimit", params.trainLimit());
        map.put("validationSize", params.validationSize());
        String augmentation = "mirror left-right (p=0.5), shift +-1 px (p=0.5)";
        if (params.recipe().turns()) {
            augmentation += ", rotate +-15 degrees and scale 0.9-1.1 (p=0.5)";
        }
        if (params.recipe().erases()) {
            augmentation += ", random erasing of 2-40 % of the area with noise (p=0.5)";
        }
        map.put("augmentation", params.augment() ? augmentation : "none");
        Distillation distillation = params.distillation();
        if (distillation != null) {
            map.put("teacher", distillation.teacher());
            map.put("softTargetWeight", distillation.softWeight());
            map.put("distillationTemperature", distillation.temperature());
            map.put("targets", "softTargetWeight x teacher probabilities (as served, mirror-averaged) softened at"
                    + " distillationTemperature + (1 - softTargetWeight) x one-hot label; cross-entropy");
        }
        return map;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
