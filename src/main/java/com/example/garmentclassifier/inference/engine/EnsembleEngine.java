package com.example.garmentclassifier.inference.engine;

import java.util.List;

/**
 * Several independently trained networks asked as one: the mean of their class probabilities.
 * Averaging networks that err on different images is more accurate than any one of them; it is
 * what an ensemble version's ONNX graph computes in a single session, and this is the same thing
 * on engines that run one network each (DL4J, the reference the graph is checked against).
 */
public final class EnsembleEngine implements InferenceEngine {

    private final List<InferenceEngine> members;

    public EnsembleEngine(List<? extends InferenceEngine> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public float[][] predict(float[][] images) {
        float[][] sum = null;
        for (InferenceEngine member : members) {
            float[][] output = member.predict(images);
            if (sum == null) {
                sum = new float[output.length][];
                for (int i = 0; i < output.length; i++) {
                    sum[i] = output[i].clone();
                }
                continue;
            }
            for (int i = 0; i < output.length; i++) {
                for (int c = 0; c < output[i].length; c++) {
                    sum[i][c] += output[i][c];
                }
            }
        }
        float count = members.size();
        for (float[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= count;
            }
        }
        return sum;
    }

    public int size() {
        return members.size();
    }

    @Override
    public String name() {
        return members.get(0).name();
    }

    /** Closes every member, even when one fails to close. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (InferenceEngine member : members) {
            try {
                member.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
