package com.example.garmentclassifier.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.FashionMnistLabels;
import com.example.garmentclassifier.training.GarmentNetwork;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelHolderTest {

    @Test
    void emptyHolderExplainsWhy() {
        ModelHolder holder = new ModelHolder();
        holder.markUnavailable("nothing trained");
        assertThatThrownBy(() -> holder.withModel(LoadedModel::version))
                .isInstanceOf(ModelUnavailableException.class).hasMessage("nothing trained");
    }

    @Test
    void requestRunningDuringASwapFinishesOnTheModelItStartedWith() {
        ModelHolder holder = new ModelHolder();
        LoadedModel first = model("v1");
        LoadedModel second = model("v2");
        holder.swap(first);

        String version = holder.withModel(m -> {
            holder.swap(second);
            // The old model is retired but still usable by the request that leased it.
            m.predict(new float[1][ImageShape.GARMENT.pixels()]);
            return m.version();
        });

        assertThat(version).isEqualTo("v1");
        assertThat(holder.withModel(LoadedModel::version)).isEqualTo("v2");
        assertThatThrownBy(() -> first.predict(new float[1][ImageShape.GARMENT.pixels()]))
                .as("released once its last request ended").isInstanceOf(IllegalStateException.class);
    }

    private static LoadedModel model(String version) {
        ModelMetadata metadata = new ModelMetadata(version, Instant.now(), GarmentNetwork.SUMMARY, 391306,
                FashionMnistLabels.LABELS, null, null, null, null, null, null, null, null, null);
        Dl4jEngine engine = new Dl4jEngine(GarmentNetwork.create(1, 0.001), ImageShape.GARMENT);
        return new LoadedModel(metadata, engine, new EngineSelection(engine.name(), "test", null));
    }
}
