package com.example.garmentclassifier.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.io.File;
import java.util.List;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.ValueInfoProto;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exported model's interface, and that batch norms after identity convolutions cost nothing. */
class OnnxExporterGraphTest {

    private static ModelProto model;

    @BeforeAll
    static void exportActiveModel() throws Exception {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(
                new File("model-store/versions/v20261124-044801/model.zip"), false);
        model = ModelProto.parseFrom(new OnnxExporter().export(network, ImageShape.GARMENT));
    }

    @Test
    void declaresIrVersionAndOpsetOnnxRuntimeLoads() {
        assertEquals(8, model.getIrVersion());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals(13, model.getOpsetImport(0).getVersion());
    }

    @Test
    void inputIsBatchOfNhwcImagesAndOutputIsBatchOfClassProbabilities() {
        assertEquals(List.of("batch", "28", "28", "1"), dims(model.getGraph().getInput(0)));
        assertEquals(OnnxExporter.INPUT, model.getGraph().getInput(0).getName());
        assertEquals(List.of("batch", "10"), dims(model.getGraph().getOutput(0)));
        assertEquals(OnnxExporter.OUTPUT, model.getGraph().getOutput(0).getName());
    }

    @Test
    void batchNormsAreFoldedIntoTheConvolutionsAndReluIsOnlyInTheDenseLayer() {
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();

        assertThat(ops).containsExactly("Reshape", "Conv", "MaxPool", "Conv", "MaxPool", "Conv",
                "Flatten", "Gemm", "Relu", "Gemm", "Softmax", "Identity");
    }

    private static List<String> dims(ValueInfoProto value) {
        return value.getType().getTensorType().getShape().getDimList().stream()
                .map(dim -> dim.hasDimParam() ? dim.getDimParam() : Long.toString(dim.getDimValue()))
                .toList();
    }
}
