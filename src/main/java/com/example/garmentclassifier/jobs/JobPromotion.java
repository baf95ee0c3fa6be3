package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.model.ModelActivationService;
import com.example.garmentclassifier.store.ModelMetadata;

/**
 * What a job's version is measured against and how it is swapped in: the version serving now, the
 * promotion gate with its tolerance ({@code classifier.training.promotion-tolerance}), and the activation.
 * One collaborator of {@link TrainingJobService} for the four, which only promotion uses.
 */
public record JobPromotion(ValidationGate gate, ModelHolder holder, ModelActivationService activation,
                           double tolerance) {

    /** The version this instance serves, or null when none is loaded. */
    String serving() {
        return holder.current().map(LoadedModel::version).orElse(null);
    }

    PromotionDecision decide(PromotionPolicy policy, ModelMetadata candidate) {
        return gate.decide(policy, candidate.version(), serving(), tolerance);
    }

    void activate(String version) {
        activation.activate(version);
    }
}
