package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.NetworkArchive;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.springframework.stereotype.Component;

/**
 * Stores several trained versions as one ensemble version that serves the mean of their class
 * probabilities. Independently trained networks err on different images, so their mean is more
 * accurate than any one of them (measured on the validation split, see docs/model-history.md's model
 * quality section). The ensemble is scored exactly as a trained version is: test images as
 * tensors and as uploads, and the validation split as uploads, which is what chooses members.
 */
@Component
public class EnsembleComposer {

    private final DatasetProperties dataset;
    private final IdxReader reader;
    private final NetworkArchive archive;
    private final ModelVersions versions;
    private final ModelEvaluator evaluator = new ModelEvaluator();

    public EnsembleComposer(DatasetProperties dataset, IdxReader reader, NetworkArchive archive,
                            ModelVersions versions) {
        this.dataset = dataset;
        this.reader = reader;
        this.archive = archive;
        this.versions = versions;
    }

    /** @param versions stored versions, each one network or itself an ensemble (its members are taken as they are) */
    public ModelMetadata compose(List<String> versions) {
        if (versions.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two versions, got " + versions);
        }
        GarmentImages train = reader.read(dataset.datasetDir(), FashionMnistSplit.TRAIN);
        GarmentImages test = reader.read(dataset.datasetDir(), FashionMnistSplit.TEST);
        List<StoredNetworks> loaded = new ArrayList<>();
        try {
            List<MultiLayerNetwork> members = new ArrayList<>();
            List<ModelMetadata> memberMetadata = new ArrayList<>();
            for (String version : versions) {
                StoredNetworks networks = archive.loadNetworks(version);
                loaded.add(networks);
                members.addAll(networks.members());
                memberMetadata.add(this.versions.readMetadata(version));
            }
            ServedScores scores = evaluator.withServedEngine(members,
                    served -> ServedScores.measure(evaluator, served, train, test));
            ModelMetadata draft = new ModelMetadata(null, Instant.now(), architecture(memberMetadata, members.size()),
                    members.stream().mapToLong(MultiLayerNetwork::numParams).sum(), FashionMnistLabels.LABELS,
                    null, null, training(memberMetadata, scores.validationAsUploads(), ValidationSplit.describe(train)),
                    scores.test(), scores.testAsUploads(), null, null, scores.calibration(), scores.validationScore());
            return archive.save(members, draft);
        } finally {
            loaded.forEach(StoredNetworks::close);
        }
    }

    private static String architecture(List<ModelMetadata> members, int networks) {
        List<String> distinct = members.stream().map(ModelMetadata::architecture).distinct().toList();
        return "ensemble of " + networks + " networks (mean of class probabilities): "
                + (distinct.size() == 1 ? distinct.get(0) : String.join(" | ", distinct));
    }

    private static ModelMetadata.Training training(List<ModelMetadata> members, EvaluationReport validation,
                                                   String split) {
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("recipe", "ensemble");
        hyperparameters.put("combination", "mean of the members' class probabilities");
        hyperparameters.put("validationAccuracy", validation.accuracy());
        hyperparameters.put("validationSplit", split);
        List<Map<String, Object>> described = new ArrayList<>();
        double seconds = 0;
        for (ModelMetadata member : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", member.version());
            entry.put("testAccuracy", member.testAccuracy());
            if (member.training() != null) {
                entry.put("seed", member.training().seed());
                entry.put("hyperparameters", member.training().hyperparameters());
                entry.put("bestEpoch", member.training().bestEpoch());
                entry.put("seconds", member.training().seconds());
                entry.put("epochs", member.training().epochs());
                seconds += member.training().seconds();
            }
            described.add(entry);
        }
        hyperparameters.put("members", described);
        ModelMetadata.Training first = members.get(0).training();
        return new ModelMetadata.Training(hyperparameters, first == null ? 0 : first.seed(), seconds,
                first == null ? 0 : first.trainExamples(), first == null ? 0 : first.validationExamples(), 0, null,
                List.of());
    }
}
