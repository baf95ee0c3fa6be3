package com.example.garmentclassifier.inference;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.EnsembleEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.MirrorAveragedEngine;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.engine.TemperatureScaledEngine;
import com.example.garmentclassifier.store.ModelMetadata;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * How a version's engines are built, in one place: loading a version to serve it, checking its ONNX form
 * against DL4J, and evaluating or reporting on it all take their engines from here, so that what is measured
 * is asked exactly as what serves. Every engine here reads garment images ({@link ImageShape#GARMENT}).
 */
public final class ServedEngines {

    private ServedEngines() {
    }

    /**
     * DL4J running the networks: one network's engine, or for an ensemble the mean of its members'.
     * Closing the engine closes the networks, so a caller that keeps them must not close it.
     */
    public static InferenceEngine dl4j(List<MultiLayerNetwork> networks) {
        List<Dl4jEngine> members = networks.stream()
                .map(network -> new Dl4jEngine(network, ImageShape.GARMENT)).toList();
        return members.size() == 1 ? members.get(0) : new EnsembleEngine(members);
    }

    /**
     * ONNX Runtime running the model.
     *
     * @param intraOpThreads threads one call may use
     * @param spinWait       let idle threads spin for the next call (see {@link OnnxRuntimeEngine})
     */
    public static OnnxRuntimeEngine onnxRuntime(byte[] onnxModel, int intraOpThreads, boolean spinWait) {
        return new OnnxRuntimeEngine(onnxModel, ImageShape.GARMENT, intraOpThreads, spinWait);
    }

    /**
     * ONNX Runtime letting one call use every core, without spinning: for a check or an evaluation that has
     * the machine to itself, not for serving, where requests already run in parallel.
     */
    public static OnnxRuntimeEngine onnxRuntime(byte[] onnxModel) {
        return onnxRuntime(onnxModel, Runtime.getRuntime().availableProcessors(), false);
    }

    /** The engine as every version is asked, in serving and evaluation alike: mirror-averaged. */
    public static InferenceEngine mirrorAveraged(InferenceEngine engine) {
        return new MirrorAveragedEngine(engine, ImageShape.GARMENT);
    }

    /** The engine with the version's temperature applied; as it is when the version was never calibrated. */
    public static InferenceEngine calibrated(InferenceEngine engine, ModelMetadata.Calibration calibration) {
        return calibration == null ? engine : new TemperatureScaledEngine(engine, calibration.temperature());
    }

    /** The engine as a version serves: mirror-averaged, then temperature-scaled when the version is calibrated. */
    public static InferenceEngine served(InferenceEngine engine, ModelMetadata.Calibration calibration) {
        return calibrated(mirrorAveraged(engine), calibration);
    }
}
