package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component "model": UP with the serving version, its test accuracy and the engine that serves it (and why),
 * DOWN with the reason.
 */
@Component("model")
public class ModelHealthIndicator implements HealthIndicator {

    private final ModelHolder models;

    public ModelHealthIndicator(ModelHolder models) {
        this.models = models;
    }

    @Override
    public Health health() {
        return models.current()
                .map(model -> Health.up()
                        .withDetail("loaded", true)
                        .withDetail("version", model.version())
                        .withDetail("testAccuracy", model.metadata().testAccuracy())
                        .withDetail("engine", model.engine().engine())
                        .withDetail("engineReason", model.engine().reason())
                        .withDetail("parity", model.engine().parity() == null ? "not checked"
                                : model.engine().parity().summary())
                        .withDetail("fallback", models.fallbackReason().orElse("none"))
                        .build())
                .orElseGet(() -> Health.down()
                        .withDetail("loaded", false)
                        .withDetail("reason", models.unavailableReason())
                        .build());
    }
}
