package com.example.garmentclassifier.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.AttributeProto.AttributeType;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Accumulates an ONNX graph (nodes, constant tensors, float inputs and outputs whose first
 * dimension is the batch) and serialises it as a model; hands out unique value names.
 */
final class OnnxGraph {

    /** ONNX IR version 8 with opset 13: every op used here exists there, and ORT 1.23 loads both. */
    static final long IR_VERSION = 8;
    static final long OPSET = 13;
    static final String BATCH_DIMENSION = "batch";

    private final GraphProto.Builder graph;
    private int nextId;

    OnnxGraph(String name) {
        this.graph = GraphProto.newBuilder().setName(name);
    }

    /** A float input of shape [batch, dims...]. */
    void batchInput(String name, long... dims) {
        graph.addInput(batchValue(name, dims));
    }

    /** A float output of shape [batch, dims...]. */
    void batchOutput(String name, long... dims) {
        graph.addOutput(batchValue(name, dims));
    }

    String floats(String hint, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return initializer(hint, TensorProto.DataType.FLOAT_VALUE, bytes, dims);
    }

    String longs(String hint, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return initializer(hint, TensorProto.DataType.INT64_VALUE, bytes, values.length);
    }

    /** Adds a single-output node and returns the name of its output. */
    String node(String opType, String hint, List<String> inputs, AttributeProto... attributes) {
        return node(opType, inputs, uniqueName(hint), attributes);
    }

    /** Adds a single-output node whose output has the given name (for graph outputs). */
    String node(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
        inputs.forEach(node::addInput);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    byte[] toModelBytes(String producer) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(producer)
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    private String initializer(String hint, int dataType, ByteBuffer littleEndian, long... dims) {
        String name = uniqueName(hint);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(ByteString.copyFrom(littleEndian.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    private static ValueInfoProto batchValue(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_DIMENSION));
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        TypeProto.Tensor tensorType = TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }

    private String uniqueName(String hint) {
        return hint + "_" + nextId++;
    }
}
