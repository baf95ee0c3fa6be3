package com.example.garmentclassifier.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is learnt about a version after it was stored (measurements, calibration, the job that made
 * it, its ONNX form), written into its {@code metadata.json}.
 */
public class MetadataRecords {

    private final StoreLayout layout;
    private final ModelVersions versions;
    private final JsonMapper json;

    public MetadataRecords(StoreLayout layout, ModelVersions versions, JsonMapper json) {
        this.layout = layout;
        this.versions = versions;
        this.json = json;
    }

    /** Records a version's test accuracy as uploads, measured after it was stored (see ModelMetadata#testAsUploads). */
    public void recordTestAsUploads(String version, EvaluationReport report) {
        update(version, metadata -> metadata.withTestAsUploads(report));
    }

    /**
     * Records the temperature fitted for a stored version and the validation accuracy measured with it
     * (see ModelMetadata#calibration and #validationAsUploads).
     */
    public void recordCalibration(String version, ModelMetadata.Calibration calibration,
                                  ModelMetadata.ValidationAccuracy validationAsUploads) {
        update(version, metadata -> metadata.withCalibration(calibration).withValidationAsUploads(validationAsUploads));
    }

    /**
     * Names the retraining job that made a version, and its request as submitted, in the version's training
     * record ({@code training.hyperparameters.job}): which command to run to make it again.
     */
    public void recordTrainingJob(String version, String jobId, Map<String, Object> request) {
        update(version, metadata -> {
            ModelMetadata.Training training = metadata.training();
            if (training == null) {
                return metadata;
            }
            Map<String, Object> hyperparameters = new LinkedHashMap<>(training.hyperparameters());
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", jobId);
            job.put("request", "POST /admin/retrain");
            job.put("body", request);
            hyperparameters.put("job", job);
            return metadata.withTraining(new ModelMetadata.Training(hyperparameters, training.seed(),
                    training.seconds(), training.trainExamples(), training.validationExamples(), training.bestEpoch(),
                    training.warmStartFrom(), training.epochs()));
        });
    }

    /** Records a version's validation accuracy as uploads, measured after it was stored (by the promotion gate). */
    public void recordValidationAsUploads(String version, ModelMetadata.ValidationAccuracy validation) {
        update(version, metadata -> metadata.withValidationAsUploads(validation));
    }

    /**
     * Rewrites a stored version's metadata with one more thing measured about it (or an artifact added
     * to it). Synchronized, so that two threads recording different things cannot both read the old
     * file and the later write drop the other's; another process writing the same version's
     * metadata at the same moment still can (the figure is then measured again when next needed).
     *
     * @return the metadata as now stored
     */
    public synchronized ModelMetadata update(String version, UnaryOperator<ModelMetadata> change) {
        ModelMetadata metadata = change.apply(versions.readMetadata(version));
        try {
            Path file = layout.versionDirectory(version).resolve(StoreLayout.METADATA_FILE);
            DurableFiles.replace(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata),
                    StoreLayout.TEMP_PREFIX);
        } catch (IOException e) {
            throw new ModelStoreWriteException("The metadata of version " + version + " could not be written", e);
        }
        return metadata;
    }
}
