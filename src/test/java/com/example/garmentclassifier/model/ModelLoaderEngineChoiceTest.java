package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.inference.InferenceProperties.Engine;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.store.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A version ONNX Runtime cannot serve faithfully still serves, on DL4J, and says why. */
class ModelLoaderEngineChoiceTest {

    private static final InferenceProperties AUTO = new InferenceProperties(Engine.AUTO, 1, false, false);

    @TempDir
    Path root;

    @Test
    void aNetworkTheExporterCannotConvertServesOnDl4j() {
        TestStore store = TestStore.at(root);
        ModelMetadata saved = store.archive().save(networkWithLocalResponseNormalisation(),
                NetworkArchiveTest.draft(Instant.now()));
        assertThat(saved.onnx()).as("stored without an ONNX form").isNull();

        LoadedModel model = store.loader(AUTO).load(saved.version());
        try {
            assertThat(model.engine().engine()).isEqualTo("dl4j");
            assertThat(model.engine().reason()).contains("cannot be converted to ONNX")
                    .contains("LocalResponseNormalization");
            float[] probabilities = model.predict(new float[][] {new float[28 * 28]})[0];
            assertThat(probabilities).hasSize(10);
        } finally {
            model.discard();
        }
    }

    @Test
    void anOnnxFormThatDoesNotMatchDl4jServesOnDl4jUnlessOnnxRuntimeIsForced() throws Exception {
        Path copy = ModelStoreCopy.withMismatchedOnnx();
        TestStore store = TestStore.at(copy);
        String version = Files.readString(copy.resolve("active-version")).trim();

        LoadedModel model = store.loader(AUTO).load(version);
        try {
            assertThat(model.engine().engine()).isEqualTo("dl4j");
            assertThat(model.engine().reason()).contains("does not match DL4J");
            assertThat(model.engine().parity().passed()).isFalse();
        } finally {
            model.discard();
        }

        LoadedModel forced = store.loader(new InferenceProperties(Engine.ONNXRUNTIME, 1, false, false)).load(version);
        try {
            assertThat(forced.engine().engine()).isEqualTo("onnxruntime");
            assertThat(forced.engine().reason()).contains("although it does not match DL4J");
        } finally {
            forced.discard();
        }
    }

    private static MultiLayerNetwork networkWithLocalResponseNormalisation() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
                        .dataFormat(CNN2DFormat.NHWC).activation(Activation.RELU).build())
                .layer(new LocalResponseNormalization.Builder().dataFormat(CNN2DFormat.NHWC).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1, CNN2DFormat.NHWC))
                .build());
        network.init();
        return network;
    }
}
