package com.example.garmentclassifier.training;

import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns images into network input: [n, 28, 28, 1] floats in [0, 1] and one-hot labels,
 * optionally mirrored left-right, (half of them) shifted by up to one pixel and, for the robust
 * and erasing recipes, (half of them) turned and scaled; for the erasing recipe, (half of them)
 * partly replaced by noise.
 */
public final class BatchAssembler {

    public static final int CLASSES = 10;

    private BatchAssembler() {
    }

    static final double MAX_ROTATION_DEGREES = 15;
    static final double MAX_SCALE_CHANGE = 0.1;
    static final double MIN_ERASED_AREA = 0.02;
    static final double MAX_ERASED_AREA = 0.4;
    static final double MIN_ERASED_ASPECT = 0.3;

    /** A training minibatch of the images at {@code order[from..to)}, augmented when {@code random} is set. */
    public static DataSet trainingBatch(GarmentImages images, int[] order, int from, int to, Random random) {
        return trainingBatch(images, order, from, to, random, GarmentNetwork.Recipe.FAST);
    }

    /**
     * @param recipe which augmentation beyond mirror and shift: turning and scaling, random erasing
     *               ({@link GarmentNetwork.Recipe#turns()}, {@link GarmentNetwork.Recipe#erases()}; needs {@code random})
     */
    public static DataSet trainingBatch(GarmentImages images, int[] order, int from, int to, Random random,
                                        GarmentNetwork.Recipe recipe) {
        boolean turn = random != null && recipe.turns();
        boolean erase = random != null && recipe.erases();
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
            if (turn && random.nextBoolean()) {
                turnAndScale(data, offset, random.nextDouble(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES),
                        1 + random.nextDouble(-MAX_SCALE_CHANGE, MAX_SCALE_CHANGE));
            }
            if (erase && random.nextBoolean()) {
                erase(data, offset, random);
            }
            labels[i * CLASSES + images.labels()[index]] = 1f;
        }
        return new DataSet(Nd4j.create(data, new long[] {n, side, side, 1}, 'c'),
                Nd4j.create(labels, new long[] {n, CLASSES}, 'c'));
    }

    /**
     * Replaces a rectangle of one image by uniform noise: 2-40 % of the image's area, its sides in a
     * ratio of 0.3-3.3, placed anywhere it fits (the ranges of Zhong et al., "Random Erasing Data
     * Augmentation", 2017). A side is at least one pixel and at most the image's.
     */
    static void erase(float[] data, int offset, Random random) {
        int side = GarmentImages.SIDE;
        double area = GarmentImages.PIXELS * random.nextDouble(MIN_ERASED_AREA, MAX_ERASED_AREA);
        double aspect = Math.exp(random.nextDouble(Math.log(MIN_ERASED_ASPECT), -Math.log(MIN_ERASED_ASPECT)));
        int height = Math.max(1, Math.min(side, (int) Math.round(Math.sqrt(area * aspect))));
        int width = Math.max(1, Math.min(side, (int) Math.round(Math.sqrt(area / aspect))));
        int top = random.nextInt(side - height + 1);
        int left = random.nextInt(side - width + 1);
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                data[offset + y * side + x] = random.nextFloat();
            }
        }
    }

    /** Turns and scales one image in place about its centre (bilinear; outside the image is background). */
    static void turnAndScale(float[] data, int offset, double degrees, double scale) {
        int side = GarmentImages.SIDE;
        float[] source = java.util.Arrays.copyOfRange(data, offset, offset + GarmentImages.PIXELS);
        double cos = Math.cos(Math.toRadians(degrees)) / scale;
        double sin = Math.sin(Math.toRadians(degrees)) / scale;
        double centre = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                // The source point that lands on (x, y): the inverse turn and scale.
                double sx = cos * (x - centre) + sin * (y - centre) + centre;
                double sy = -sin * (x - centre) + cos * (y - centre) + centre;
                data[offset + y * side + x] = bilinear(source, sx, sy);
            }
        }
    }

    private static float bilinear(float[] image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double tx = x - x0;
        double ty = y - y0;
        return (float) ((1 - ty) * ((1 - tx) * at(image, x0, y0) + tx * at(image, x0 + 1, y0))
                + ty * ((1 - tx) * at(image, x0, y0 + 1) + tx * at(image, x0 + 1, y0 + 1)));
    }

    private static float at(float[] image, int x, int y) {
        int side = GarmentImages.SIDE;
        return x < 0 || y < 0 || x >= side || y >= side ? 0f : image[y * side + x];
    }
}
