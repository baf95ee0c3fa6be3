package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.serving.ModelHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the serving model to /actuator/info. */
@Component
public class ModelInfoContributor implements InfoContributor {

    private final ModelHolder models;

    public ModelInfoContributor(ModelHolder models) {
        this.models = models;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> model = new LinkedHashMap<>();
        models.current().ifPresentOrElse(m -> {
            model.put("version", m.version());
            model.put("createdAt", m.metadata().createdAt());
            model.put("testAccuracy", m.metadata().testAccuracy());
            model.put("parameters", m.metadata().parameterCount());
        }, () -> model.put("version", null));
        builder.withDetail("model", model);
    }
}
