package com.example.garmentclassifier.training;

/**
 * A set of 28x28 grayscale garment images (row-major, 0 = background, 255 = garment, as in
 * Fashion-MNIST) with their class indices.
 */
public record GarmentImages(byte[][] pixels, int[] labels) {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    public GarmentImages {
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The first {@code count} images, or all of them when there are fewer. */
    public GarmentImages first(int count) {
        int n = Math.min(count, size());
        byte[][] p = new byte[n][];
        int[] l = new int[n];
        System.arraycopy(pixels, 0, p, 0, n);
        System.arraycopy(labels, 0, l, 0, n);
        return new GarmentImages(p, l);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public GarmentImages range(int from, int to) {
        byte[][] p = new byte[to - from][];
        int[] l = new int[to - from];
        System.arraycopy(pixels, from, p, 0, to - from);
        System.arraycopy(labels, from, l, 0, to - from);
        return new GarmentImages(p, l);
    }
}
