package com.example.garmentclassifier.inference.engine;

/** Reading an engine's output row. */
public final class Probabilities {

    private Probabilities() {
    }

    /** Index of the most probable class; the first one wins a tie, so the answer is deterministic. */
    public static int mostLikely(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
