package com.example.garmentclassifier.attributes;

import com.example.garmentclassifier.image.Foreground;
import java.util.Arrays;

/**
 * The garment's bounding box from the upload (working resolution), box-averaged onto a grid of
 * at most {@value #MAX_SIDE} px so attribute cost does not grow with upload size. A cell is
 * garment when most of its pixels are in the preprocessing's foreground mask; its colour is
 * the mean of those garment pixels only, so background never bleeds into garment colours.
 */
final class GarmentRegion {

    static final int MAX_SIDE = 256;
    /**
     * Fewest cells a side must have: the pattern is read from the Sobel response of cells whose whole
     * 5x5 neighbourhood is garment, so a narrower region has no texture to read, only a smear of edge.
     */
    static final int MIN_SIDE = 5;

    final int width;
    final int height;
    /** Null where the cell is not garment. */
    final Lab[] colours;

    private GarmentRegion(int width, int height, Lab[] colours) {
        this.width = width;
        this.height = height;
        this.colours = colours;
    }

    static GarmentRegion of(Foreground fg) {
        Foreground.Box box = fg.box();
        int factor = Math.max(1, (int) Math.ceil(Math.max(box.width(), box.height()) / (double) MAX_SIDE));
        int width = Math.max(1, box.width() / factor);
        int height = Math.max(1, box.height() / factor);
        // Pixels right of the last whole cell are left out, as are rows below the last; a side shorter
        // than the factor (a thin strip of an image) gets one cell as wide or high as it is.
        int columns = Math.min(box.width(), width * factor);
        Lab[] colours = new Lab[width * height];
        long[] sums = new long[width * 3];
        int[] garment = new int[width];
        for (int gy = 0; gy < height; gy++) {
            int y0 = box.y0() + gy * factor;
            int y1 = Math.min(box.y1(), y0 + factor);
            Arrays.fill(sums, 0);
            Arrays.fill(garment, 0);
            // Row by row across all of a row of cells: long runs the JIT compiles well, unlike a loop per cell.
            for (int y = y0; y < y1; y++) {
                accumulateRow(fg, y * fg.width() + box.x0(), columns, factor, sums, garment);
            }
            for (int gx = 0; gx < width; gx++) {
                int area = (y1 - y0) * (Math.min(columns, (gx + 1) * factor) - gx * factor);
                int n = garment[gx];
                if (n * 2 > area) {
                    int rgb = (int) (sums[3 * gx] / n) << 16 | (int) (sums[3 * gx + 1] / n) << 8
                            | (int) (sums[3 * gx + 2] / n);
                    colours[gy * width + gx] = Lab.fromRgb(rgb);
                }
            }
        }
        return new GarmentRegion(width, height, colours);
    }

    /** Adds one pixel row's garment pixels to the sums of the cells they fall in. */
    private static void accumulateRow(Foreground fg, int start, int columns, int factor, long[] sums, int[] garment) {
        boolean[] mask = fg.mask();
        int[] argb = fg.argb();
        for (int x = 0; x < columns; x++) {
            if (mask[start + x]) {
                int p = argb[start + x];
                int cell = x / factor;
                sums[3 * cell] += (p >> 16) & 0xFF;
                sums[3 * cell + 1] += (p >> 8) & 0xFF;
                sums[3 * cell + 2] += p & 0xFF;
                garment[cell]++;
            }
        }
    }

    /** Whether the region is large enough in both directions for its colours and pattern to mean anything. */
    boolean readable() {
        return width >= MIN_SIDE && height >= MIN_SIDE;
    }

    Lab at(int x, int y) {
        return colours[y * width + x];
    }

    /** Garment cells whose whole neighbourhood of the given radius is garment: away from the silhouette's edge. */
    boolean interior(int x, int y, int radius) {
        if (x < radius || y < radius || x >= width - radius || y >= height - radius) {
            return false;
        }
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (colours[(y + dy) * width + x + dx] == null) {
                    return false;
                }
            }
        }
        return true;
    }
}
