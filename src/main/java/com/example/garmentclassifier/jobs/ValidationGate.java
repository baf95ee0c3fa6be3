package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import com.example.garmentclassifier.training.ValidationSplit;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotion gate's measure: a candidate and the serving version, both scored on the same
 * validation images, as uploads and mirror-averaged (what /classify would answer). The images are
 * the last ones of the training file (5,000 of 60,000), which no training run learns from: the
 * trainer holds out the last images of whatever part it uses, and never uses more than the file.
 * Not the test set: a gate that picks versions by their test score makes that score optimistic,
 * and then nothing measures the chosen model honestly.
 *
 * <p>Each version's figure is the one its metadata recorded when it was scored, if that was measured on
 * the same model inputs ({@link ValidationSplit#measuredOn}): the same inputs through the same stored networks give the
 * same figure, and loading the candidate and the serving version again (several hundred MB of networks
 * and engines) made gating the memory peak of a retraining service. A version without such a record
 * (scored before it was kept, on another data set, or before a change to the upload path) is loaded and
 * measured once, and the figure is recorded for the next time.
 */
public class ValidationGate {

    private static final Logger log = LoggerFactory.getLogger(ValidationGate.class);

    private final ModelVersions versions;
    private final NetworkArchive archive;
    private final MetadataRecords records;
    private final IdxReader reader;
    private final Path datasetDir;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public ValidationGate(ModelVersions versions, NetworkArchive archive, MetadataRecords records, IdxReader reader,
                          Path datasetDir) {
        this.versions = versions;
        this.archive = archive;
        this.records = records;
        this.reader = reader;
        this.datasetDir = datasetDir;
    }

    /** Decides whether {@code candidate} replaces {@code serving} (null when nothing serves). */
    public PromotionDecision decide(PromotionPolicy policy, String candidate, String serving, double tolerance) {
        GarmentImages all = reader.read(datasetDir, FashionMnistSplit.TRAIN);
        String measuredOn = ValidationSplit.measuredOn(all);
        double candidateAccuracy = accuracy(candidate, all, measuredOn);
        Double servingAccuracy = serving == null ? null : accuracy(serving, all, measuredOn);
        return PromotionDecision.decide(policy, candidateAccuracy, serving, servingAccuracy, tolerance, measuredOn);
    }

    private double accuracy(String version, GarmentImages training, String measuredOn) {
        ModelMetadata.ValidationAccuracy recorded = versions.readMetadata(version).validationAsUploads();
        if (recorded != null && measuredOn.equals(recorded.measuredOn()) && recorded.accuracy() != null
                && recorded.accuracy() >= 0 && recorded.accuracy() <= 1) {
            return recorded.accuracy();
        }
        log.info("Version {} has no validation accuracy recorded on the {}; measuring it", version, measuredOn);
        GarmentImages validation = ValidationSplit.of(training);
        double accuracy;
        try (StoredNetworks networks = archive.loadNetworks(version)) {
            accuracy = evaluator.withServedEngine(networks.members(),
                    engine -> evaluator.evaluateAsUploads(engine, validation)).accuracy();
        }
        try {
            records.recordValidationAsUploads(version, new ModelMetadata.ValidationAccuracy(accuracy, measuredOn));
        } catch (RuntimeException e) {
            // The decision stands on the figure just measured; only the next gate's shortcut is lost (a read-only
            // store, or the version deleted or rewritten by another replica meanwhile).
            log.warn("Could not record the validation accuracy of version {}: {}", version, e.getMessage());
        }
        return accuracy;
    }
}
