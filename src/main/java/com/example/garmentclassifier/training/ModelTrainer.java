package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link GarmentNetwork} on Fashion-MNIST training images: holds out the last
 * images as a validation split, decays the learning rate along a cosine, and keeps the
 * weights of the epoch with the best validation accuracy. The test set is never seen here.
 */
public class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final int TRAIN_ACCURACY_SAMPLE = 2000;

    private final ModelEvaluator evaluator = new ModelEvaluator();

    /** Records where a run stands after each epoch ({@link CheckpointDirectory}). */
    @FunctionalInterface
    public interface EpochRecorder {
        void record(TrainingCheckpoint checkpoint);
    }

    /**
     * @param startFrom weights to continue from (warm start), or null for a fresh network
     */
    public TrainedNetwork train(GarmentImages trainingImages, TrainingParameters params,
                                MultiLayerNetwork startFrom, TrainingProgress progress) {
        return train(trainingImages, params, startFrom, progress, null);
    }

    /**
     * @param recorder told where the run stands after every epoch, or null. A recorded run draws its
     *                 dropout masks from a seed per epoch, so that it ends the same whether or not it
     *                 was stopped and {@link #resume resumed} in between.
     */
    public TrainedNetwork train(GarmentImages trainingImages, TrainingParameters params,
                                MultiLayerNetwork startFrom, TrainingProgress progress, EpochRecorder recorder) {
        return train(trainingImages, params, startFrom, progress, recorder, null);
    }

    /**
     * @param softTargets the teacher of a {@link GarmentNetwork.Recipe#DISTILL} run, asked on every augmented
     *                    batch; required for that recipe, null for the others
     */
    public TrainedNetwork train(GarmentImages trainingImages, TrainingParameters params, MultiLayerNetwork startFrom,
                                TrainingProgress progress, EpochRecorder recorder, SoftTargets softTargets) {
        MultiLayerNetwork network = startFrom != null ? startFrom
                : GarmentNetwork.create(params.seed(), params.learningRate(), params.recipe());
        int trainSize = Splits.of(trainingImages, params).train().size();
        return run(trainingImages, new TrainingCheckpoint(params, 0, List.of(), 0, -1, 0,
                new Random(params.seed()), identity(trainSize), network, null), progress, recorder, softTargets);
    }

    /**
     * Carries on a recorded run from its checkpoint with the same schedule, order and random draws.
     *
     * @param recorder required: a resumed run is a recorded one (its dropout seeds depend on it)
     */
    public TrainedNetwork resume(GarmentImages trainingImages, TrainingCheckpoint checkpoint, TrainingProgress progress,
                                 EpochRecorder recorder) {
        return resume(trainingImages, checkpoint, progress, recorder, null);
    }

    /** As {@link #resume(GarmentImages, TrainingCheckpoint, TrainingProgress, EpochRecorder)}, for a distill run. */
    public TrainedNetwork resume(GarmentImages trainingImages, TrainingCheckpoint checkpoint, TrainingProgress progress,
                                 EpochRecorder recorder, SoftTargets softTargets) {
        java.util.Objects.requireNonNull(recorder, "a resumed run records its epochs");
        log.info("Resuming after epoch {} of {} (best so far: epoch {}, validation {})", checkpoint.epochsDone(),
                checkpoint.params().epochs(), checkpoint.bestEpoch(), checkpoint.bestValidation());
        return run(trainingImages, checkpoint, progress, recorder, softTargets);
    }

    /** Training images, validation images and the fixed sample that train accuracy is measured on. */
    private record Splits(GarmentImages train, GarmentImages validation, GarmentImages trainSample) {

        static Splits of(GarmentImages trainingImages, TrainingParameters params) {
            GarmentImages used = params.trainLimit() > 0 ? trainingImages.first(params.trainLimit()) : trainingImages;
            int validationSize = Math.min(params.validationSize(), used.size() / 10);
            GarmentImages train = used.range(0, used.size() - validationSize);
            return new Splits(train, used.range(used.size() - validationSize, used.size()),
                    train.first(TRAIN_ACCURACY_SAMPLE));
        }
    }

    private TrainedNetwork run(GarmentImages trainingImages, TrainingCheckpoint from, TrainingProgress progress,
                               EpochRecorder recorder, SoftTargets softTargets) {
        TrainingParameters params = from.params();
        if (params.recipe().distills() != (softTargets != null)) {
            throw new IllegalArgumentException(params.recipe().distills()
                    ? "the distill recipe needs its teacher's soft targets" : "only the distill recipe takes soft targets");
        }
        Splits splits = Splits.of(trainingImages, params);
        GarmentImages train = splits.train();
        GarmentImages validation = splits.validation();
        GarmentImages trainSample = splits.trainSample();
        if (from.order().length != train.size()) {
            throw new IllegalArgumentException("the checkpoint was made with " + from.order().length
                    + " training images, not " + train.size());
        }

        MultiLayerNetwork network = from.network();
        LearningRateSchedule schedule = LearningRateSchedule.of(params, batchesPerEpoch(train.size(), params));
        EpochEvaluator epochEvaluator = new EpochEvaluator(evaluator, params.recipe().fast());
        Random random = from.random();
        int[] order = from.order();
        int batches = batchesPerEpoch(train.size(), params);
        log.info("Training on {} images, validating on {}, {} epochs of {} batches of {}",
                train.size(), validation.size(), params.epochs(), batches, params.batchSize());

        List<EpochMetrics> history = new ArrayList<>(from.history());
        INDArray bestParams = from.bestParams();
        int bestEpoch = from.bestEpoch();
        double bestValidation = from.bestValidation();
        long started = System.nanoTime();
        boolean stopped = params.stopAtValidation() > 0 && bestValidation >= params.stopAtValidation();
        for (int epoch = from.epochsDone() + 1; epoch <= params.epochs() && !stopped; epoch++) {
            long epochStart = System.nanoTime();
            if (recorder != null) {
                Nd4j.getRandom().setSeed(params.seed() * 1_000_003L + epoch);
            }
            double learningRate = schedule.at(epoch, 0);
            network.setLearningRate(learningRate);
            shuffle(order, random);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                if (progress.cancelRequested()) {
                    throw new TrainingCancelledException(epoch, b + 1);
                }
                int start = b * params.batchSize();
                int end = Math.min(train.size(), start + params.batchSize());
                if (b > 0 && schedule.perIteration()) {
                    network.setLearningRate(schedule.at(epoch, b));
                }
                DataSet batch = BatchAssembler.trainingBatch(train, order, start, end,
                        params.augment() ? random : null, params.recipe());
                network.fit(softTargets == null ? batch : softTargets.apply(batch));
                lossSum += network.score();
                progress.batchDone(epoch, b + 1, batches);
            }
            network.incrementEpochCount();
            double[] accuracies = epochEvaluator.accuracies(network, trainSample, validation);
            double validationAccuracy = accuracies[1];
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batches, accuracies[0],
                    validationAccuracy, learningRate, (System.nanoTime() - epochStart) / 1e9);
            history.add(metrics);
            if (validationAccuracy > bestValidation) {
                bestValidation = validationAccuracy;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = elapsed / (epoch - from.epochsDone()) * (params.epochs() - epoch);
            log.info(String.format("epoch %d/%d  loss %.4f  train acc %.4f  val acc %.4f  lr %.5f  %.1f s  ETA %.0f s",
                    epoch, params.epochs(), metrics.loss(), metrics.trainAccuracy(), validationAccuracy,
                    learningRate, metrics.seconds(), eta));
            progress.epochDone(metrics, eta);
            if (recorder != null) {
                recorder.record(new TrainingCheckpoint(params, epoch, history, bestEpoch, bestValidation,
                        from.seconds() + elapsed, random, order, network, bestParams));
            }
            if (params.stopAtValidation() > 0 && validationAccuracy >= params.stopAtValidation()) {
                log.info("Validation accuracy {} reached the target {} after {} epochs, {} s", validationAccuracy,
                        params.stopAtValidation(), epoch, Math.round(from.seconds() + elapsed));
                stopped = true;
            }
        }
        if (bestParams != null && bestEpoch != history.size()) {
            log.info("Restoring weights of epoch {} (best validation accuracy {})", bestEpoch, bestValidation);
            network.setParams(bestParams);
        }
        return new TrainedNetwork(network, bestEpoch, List.copyOf(history), train.size(), validation.size(),
                from.seconds() + (System.nanoTime() - started) / 1e9);
    }

    private static int batchesPerEpoch(int trainSize, TrainingParameters params) {
        return (trainSize + params.batchSize() - 1) / params.batchSize();
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
