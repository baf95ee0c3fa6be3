package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.ModelStore;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The promotion gate's measure: a candidate and the serving version, both scored on the same
 * validation images, as uploads and mirror-averaged (what /classify would answer). The images are
 * the last ones of the training file (5,000 of 60,000), which no training run learns from: the
 * trainer holds out the last images of whatever part it uses, and never uses more than the file.
 * Not the test set: a gate that picks versions by their test score makes that score optimistic,
 * and then nothing measures the chosen model honestly.
 */
public class ValidationGate {

    private final ModelStore store;
    private final IdxReader reader;
    private final Path datasetDir;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public ValidationGate(ModelStore store, IdxReader reader, Path datasetDir) {
        this.store = store;
        this.reader = reader;
        this.datasetDir = datasetDir;
    }

    /** Decides whether {@code candidate} replaces {@code serving} (null when nothing serves). */
    public PromotionDecision decide(PromotionPolicy policy, String candidate, String serving, double tolerance) {
        GarmentImages all = reader.read(datasetDir, FashionMnistSplit.TRAIN);
        int size = Math.min(TrainingParameters.DEFAULTS.validationSize(), all.size() / 10);
        GarmentImages validation = all.range(all.size() - size, all.size());
        String split = String.format(java.util.Locale.ROOT, "validation as uploads, training images %d-%d",
                all.size() - size, all.size() - 1);
        double candidateAccuracy = accuracy(candidate, validation);
        Double servingAccuracy = serving == null ? null : accuracy(serving, validation);
        return PromotionDecision.decide(policy, candidateAccuracy, serving, servingAccuracy, tolerance, split);
    }

    private double accuracy(String version, GarmentImages validation) {
        MultiLayerNetwork network = store.loadNetwork(version);
        try {
            return evaluator.withServedEngine(network, engine -> evaluator.evaluateAsUploads(engine, validation))
                    .accuracy();
        } finally {
            network.close();
        }
    }
}
