package com.example.garmentclassifier.training;

import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns images into network input: [n, 28, 28, 1] floats in [0, 1] and one-hot labels,
 * optionally mirrored left-right and (half of them) shifted by up to one pixel.
 */
public final class BatchAssembler {

    public static final int CLASSES = 10;

    private BatchAssembler() {
    }

    /** A training minibatch of the images at {@code order[from..to)}, augmented when {@code random} is set. */
    public static DataSet trainingBatch(GarmentImages images, int[] order, int from, int to, Random random) {
        int n = to - from;
        int side = GarmentImages.SIDE;
        float[] data = new float[n * GarmentImages.PIXELS];
        float[] labels = new float[n * CLASSES];
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            byte[] image = images.pixels()[index];
            boolean mirror = random != null && random.nextBoolean();
            // Half the images shift by up to a pixel: uploads are centred by our preprocessing, which can
            // round a pixel differently from the data set's own centring.
            boolean shift = random != null && random.nextBoolean();
            int dx = shift ? random.nextInt(3) - 1 : 0;
            int dy = shift ? random.nextInt(3) - 1 : 0;
            int offset = i * GarmentImages.PIXELS;
            for (int y = 0; y < side; y++) {
                int sy = y - dy;
                if (sy < 0 || sy >= side) {
                    continue;
                }
                for (int x = 0; x < side; x++) {
                    int sx = x - dx;
                    if (sx < 0 || sx >= side) {
                        continue;
                    }
                    int sourceX = mirror ? side - 1 - sx : sx;
                    data[offset + y * side + x] = (image[sy * side + sourceX] & 0xFF) / 255f;
                }
            }
            labels[i * CLASSES + images.labels()[index]] = 1f;
        }
        return new DataSet(Nd4j.create(data, new long[] {n, side, side, 1}, 'c'),
                Nd4j.create(labels, new long[] {n, CLASSES}, 'c'));
    }
}
