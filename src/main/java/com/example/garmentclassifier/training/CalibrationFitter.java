package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.MetadataRecords;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.stereotype.Component;

/**
 * Scores a version that is already stored ({@code --train --calibrate V}): fits its temperature and
 * measures its validation accuracy as served, which versions stored before either was recorded lack,
 * and records both in its metadata; training and ensembles get both while they are scored ({@link ServedScores}).
 */
@Component
public class CalibrationFitter {

    private final DatasetProperties dataset;
    private final IdxReader reader;
    private final NetworkArchive archive;
    private final MetadataRecords records;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public CalibrationFitter(DatasetProperties dataset, IdxReader reader, NetworkArchive archive,
                             MetadataRecords records) {
        this.dataset = dataset;
        this.reader = reader;
        this.archive = archive;
        this.records = records;
    }

    /** Fits and measures the stored version, and records the temperature and the accuracy with it. */
    public ServedScores calibrate(String version) {
        try (StoredNetworks networks = archive.loadNetworks(version)) {
            ServedScores scores = fit(networks.members());
            records.recordCalibration(version, scores.calibration(), scores.validationScore());
            return scores;
        }
    }

    private ServedScores fit(List<MultiLayerNetwork> networks) {
        GarmentImages train = reader.read(dataset.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(dataset.datasetDir(), FashionMnistSplit.TEST);
        return evaluator.withServedEngine(networks, served -> ServedScores.measure(evaluator, served, train, test));
    }
}
