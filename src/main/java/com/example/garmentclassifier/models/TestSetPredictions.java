package com.example.garmentclassifier.models;

import com.example.garmentclassifier.inference.ServedEngines;
import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.DatasetProperties;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A version's class probabilities for every test image, asked as served (all networks of an
 * ensemble, mirror-averaged, its temperature applied) on the images as tensors: what the report's calibration and
 * misclassified images are drawn from. Computing them takes seconds, so the last few versions'
 * are kept.
 */
@Component
class TestSetPredictions {

    private static final int KEPT = 3;

    /** The test images and, row by row, the probabilities the version gives them. */
    record Predictions(GarmentImages images, float[][] probabilities) {
    }

    private final NetworkArchive archive;
    private final IdxReader reader;
    private final DatasetProperties dataset;
    private final ModelEvaluator evaluator = new ModelEvaluator();
    private final Map<String, Predictions> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Predictions> eldest) {
            return size() > KEPT;
        }
    };

    TestSetPredictions(NetworkArchive archive, IdxReader reader, DatasetProperties dataset) {
        this.archive = archive;
        this.reader = reader;
        this.dataset = dataset;
    }

    /** @throws com.example.garmentclassifier.training.DatasetUnavailableException when the test set is not installed */
    synchronized Predictions of(ModelMetadata metadata) {
        String version = metadata.version();
        Predictions known = recent.get(version);
        if (known != null) {
            return known;
        }
        GarmentImages test = reader.read(dataset.datasetDir(), FashionMnistSplit.TEST);
        float[][] probabilities;
        try (StoredNetworks networks = archive.loadNetworks(version)) {
            probabilities = evaluator.withServedEngine(networks.members(), engine -> evaluator.probabilities(
                    ServedEngines.calibrated(engine, metadata.calibration()), test));
        }
        Predictions predictions = new Predictions(test, probabilities);
        recent.put(version, predictions);
        return predictions;
    }
}
