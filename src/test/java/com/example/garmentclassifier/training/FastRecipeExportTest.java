package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.parity.ParityReport;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** Networks of the FAST recipe (ReLU layers after batch normalisation) serve on ONNX Runtime like the baseline's. */
class FastRecipeExportTest {

    @Test
    void aFastRecipeNetworkConvertsAndMatchesDl4j() {
        MultiLayerNetwork network = GarmentNetwork.create(5, 0.004, GarmentNetwork.Recipe.FAST);
        assertThat(GarmentNetwork.summaryOf(network)).isEqualTo(GarmentNetwork.SUMMARY_FAST);
        try (Dl4jEngine dl4j = new Dl4jEngine(network, ImageShape.GARMENT);
             OnnxRuntimeEngine onnx = new OnnxRuntimeEngine(new OnnxExporter().export(network, ImageShape.GARMENT),
                     ImageShape.GARMENT, 1)) {
            ParityReport parity = ParityCheck.compare(dl4j, onnx, ParityProbes.standard());
            assertThat(parity.passed()).as(parity.summary()).isTrue();
        }
    }

    @Test
    void theBaselineNetworkIsDescribedAsDl4jRunsIt() {
        assertThat(GarmentNetwork.summaryOf(GarmentNetwork.create(5, 0.002))).isEqualTo(GarmentNetwork.SUMMARY)
                .doesNotContain("BN-ReLU");
    }
}
