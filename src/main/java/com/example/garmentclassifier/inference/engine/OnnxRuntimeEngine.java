package com.example.garmentclassifier.inference.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Runs an ONNX model (input [n, h, w, c] float, output [n, classes]) on ONNX Runtime's CPU
 * provider. Sessions are safe for concurrent {@code run} calls, so nothing here locks.
 */
public final class OnnxRuntimeEngine implements InferenceEngine {

    private final OrtSession session;
    private final ImageShape shape;
    private final String inputName;

    /**
     * @param intraOpThreads threads one call may use; requests already run in parallel, so a
     *                       small number avoids oversubscribing the cores
     */
    public OnnxRuntimeEngine(byte[] onnxModel, ImageShape shape, int intraOpThreads) {
        this(onnxModel, shape, intraOpThreads, false);
    }

    /**
     * @param spinWait let idle intra-op threads spin for the next call: faster back-to-back calls in
     *                 isolation, but in a server the spinning threads take CPU from request handling
     */
    public OnnxRuntimeEngine(byte[] onnxModel, ImageShape shape, int intraOpThreads, boolean spinWait) {
        this.shape = shape;
        try (SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.addConfigEntry("session.intra_op.allow_spinning", spinWait ? "1" : "0");
            // One graph of sequential layers: there is nothing for inter-op parallelism to overlap.
            options.setInterOpNumThreads(1);
            options.setExecutionMode(ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OptLevel.ALL_OPT);
            this.session = environment().createSession(onnxModel, options);
        } catch (OrtException e) {
            throw new OnnxRuntimeFailure("could not load the ONNX model", e);
        }
        if (session.getNumInputs() != 1 || session.getNumOutputs() != 1) {
            String counts = session.getNumInputs() + " inputs and " + session.getNumOutputs() + " outputs";
            close();
            throw new IllegalArgumentException("expected a model with one input and one output, got " + counts);
        }
        this.inputName = session.getInputNames().iterator().next();
    }

    @Override
    public float[][] predict(float[][] images) {
        if (images.length == 0) {
            return new float[0][];
        }
        long[] dims = {images.length, shape.height(), shape.width(), shape.channels()};
        OrtEnvironment env = environment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, toDirectBuffer(images), dims);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            return toRows(result.get(0), images.length);
        } catch (OrtException e) {
            throw new OnnxRuntimeFailure("ONNX Runtime failed on a batch of " + images.length, e);
        }
    }

    @Override
    public String name() {
        return "onnxruntime";
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxRuntimeFailure("could not release the ONNX Runtime session", e);
        }
    }

    /** ONNX Runtime allows one environment per process; every session shares it. */
    private static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    private FloatBuffer toDirectBuffer(float[][] images) {
        int pixels = shape.pixels();
        // A direct buffer is handed to the native side without another copy.
        FloatBuffer buffer = ByteBuffer.allocateDirect(images.length * pixels * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " values, expected " + pixels + " for " + shape);
            }
            buffer.put(images[i]);
        }
        return buffer.rewind();
    }

    private static float[][] toRows(OnnxValue value, int batch) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new IllegalStateException("the model's output is not a tensor: " + value.getInfo());
        }
        FloatBuffer values = tensor.getFloatBuffer();
        if (values == null || values.remaining() % batch != 0) {
            throw new IllegalStateException("unexpected model output " + tensor.getInfo());
        }
        int classes = values.remaining() / batch;
        float[][] rows = new float[batch][classes];
        for (float[] row : rows) {
            values.get(row);
        }
        return rows;
    }

    /** An ONNX Runtime call failed; the cause carries ONNX Runtime's own status and message. */
    public static final class OnnxRuntimeFailure extends RuntimeException {
        OnnxRuntimeFailure(String message, OrtException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
