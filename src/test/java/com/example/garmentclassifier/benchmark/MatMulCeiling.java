package com.example.garmentclassifier.benchmark;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.protobuf.ByteString;

/**
 * The machine's float matrix-multiply rate, the ceiling any engine on it works under: a square
 * {@link #SIZE} product through ONNX Runtime's MatMul (its own GEMM kernels) and through ND4J's mmul.
 */
final class MatMulCeiling {

    static final int SIZE = 512;
    private static final double FLOPS = 2.0 * SIZE * SIZE * SIZE;

    private MatMulCeiling() {
    }

    static double onnxRuntimeGflops(int threads, double seconds) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(matMulModel(), options);
                 OnnxTensor a = OnnxTensor.createTensor(env, FloatBuffer.wrap(random(SIZE * SIZE)),
                         new long[] {SIZE, SIZE})) {
                Map<String, OnnxTensor> inputs = Map.of("a", a);
                return rate(seconds, () -> {
                    try (OrtSession.Result ignored = session.run(inputs)) {
                        // only the time counts
                    }
                });
            }
        }
    }

    static double nd4jGflops(double seconds) throws Exception {
        INDArray a = Nd4j.rand(SIZE, SIZE);
        INDArray b = Nd4j.rand(SIZE, SIZE);
        INDArray c = Nd4j.create(SIZE, SIZE);
        return rate(seconds, () -> a.mmuli(b, c));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double rate(double seconds, Work work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long runs = 0;
        long now;
        do {
            work.run();
            runs++;
            now = System.nanoTime();
        } while (now < end);
        return runs * FLOPS / ((now - start) / 1e9) / 1e9;
    }

    /** a [SIZE, SIZE] (input) times b [SIZE, SIZE] (constant). */
    private static byte[] matMulModel() {
        ByteBuffer weights = ByteBuffer.allocate(SIZE * SIZE * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        weights.asFloatBuffer().put(random(SIZE * SIZE));
        TensorProto b = TensorProto.newBuilder().setName("b").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(SIZE).addDims(SIZE).setRawData(ByteString.copyFrom(weights.array())).build();
        GraphProto graph = GraphProto.newBuilder().setName("matmul")
                .addInput(value("a")).addOutput(value("c")).addInitializer(b)
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("a").addInput("b").addOutput("c"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build().toByteArray();
    }

    private static ValueInfoProto value(String name) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(SIZE))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(SIZE)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static float[] random(int n) {
        Random random = new Random(1);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }
}
