package com.example.garmentclassifier.image;

/**
 * Where the garment is in an upload (at working resolution): the ARGB pixels, which of them
 * are garment, the detected background and the garment's bounding box. Shared by the model
 * input and the catalogue attributes so both see the same garment.
 *
 * @param argb pixels row-major, {@code width * height}
 * @param mask true where a pixel belongs to the garment
 * @param background the background's RGB (white when the background is transparent)
 * @param lightBackground whether the garment must be negated to look like Fashion-MNIST (light on dark)
 * @param box bounding box of the garment, or the whole image when no garment was separated
 * @param separated whether a garment could be told apart from the background at all
 */
public record Foreground(int width, int height, int[] argb, boolean[] mask, int background,
                         boolean lightBackground, Box box, boolean separated) {

    /** Inclusive-exclusive pixel rectangle. */
    public record Box(int x0, int y0, int x1, int y1) {

        public int width() {
            return x1 - x0;
        }

        public int height() {
            return y1 - y0;
        }
    }
}
