package com.example.garmentclassifier.attributes;

import com.example.garmentclassifier.image.Foreground;

/**
 * The garment's bounding box from the upload (working resolution), box-averaged onto a grid of
 * at most {@value #MAX_SIDE} px so attribute cost does not grow with upload size. A cell is
 * garment when most of its pixels are in the preprocessing's foreground mask; its colour is
 * the mean of those garment pixels only, so background never bleeds into garment colours.
 */
final class GarmentRegion {

    static final int MAX_SIDE = 256;

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
        Lab[] colours = new Lab[width * height];
        for (int gy = 0; gy < height; gy++) {
            for (int gx = 0; gx < width; gx++) {
                long r = 0;
                long g = 0;
                long b = 0;
                int garment = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int i = (box.y0() + gy * factor + dy) * fg.width() + box.x0() + gx * factor + dx;
                        if (fg.mask()[i]) {
                            int p = fg.argb()[i];
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                            garment++;
                        }
                    }
                }
                if (garment * 2 > factor * factor) {
                    int rgb = (int) (r / garment) << 16 | (int) (g / garment) << 8 | (int) (b / garment);
                    colours[gy * width + gx] = Lab.fromRgb(rgb);
                }
            }
        }
        return new GarmentRegion(width, height, colours);
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
