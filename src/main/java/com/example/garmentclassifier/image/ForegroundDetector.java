package com.example.garmentclassifier.image;

/**
 * Separates a garment from its background the way Fashion-MNIST's images were made from
 * product photos: the background is the colour of the image's border, and the garment is
 * everything that differs from it clearly (transparent pixels are always background).
 */
public class ForegroundDetector {

    /**
     * RGB distance beyond which a pixel is not background: 5 % of the largest possible distance, the
     * threshold Fashion-MNIST's conversion trimmed with; JPEG noise on a plain background stays below it.
     */
    static final double COLOUR_THRESHOLD = 22;
    /**
     * How far beyond the border's own spread of colours a pixel must be to count as garment: a backdrop that
     * is not one flat colour (a studio sweep's gradient, wood grain) varies inside the image about as much as
     * along its border. On a plain backdrop the fixed threshold above applies.
     */
    static final double BACKDROP_MARGIN = 2.0;
    /** The threshold never rises above this, so a pale garment on a busy backdrop is still found. */
    static final double MAX_THRESHOLD = 80;
    /** Alpha below which a pixel is transparent background. */
    static final int ALPHA_THRESHOLD = 128;
    /** A row or column belongs to the garment's box only if this share of it is garment (ignores specks). */
    static final double BOX_MIN_SHARE = 0.004;
    /** Fewer garment pixels than this share of the image means nothing was separated. */
    static final double MIN_GARMENT_SHARE = 0.002;

    public Foreground detect(int width, int height, int[] argb) {
        BorderSample border = BorderSample.of(width, height, argb);
        // A cut-out's garment is whatever is opaque, whatever its colour (a white shirt included).
        boolean cutOut = border.mostlyTransparent();
        int background = border.medianColour();
        boolean light = luminance(background) >= 128;
        double threshold = cutOut ? COLOUR_THRESHOLD
                : Math.min(MAX_THRESHOLD, Math.max(COLOUR_THRESHOLD, BACKDROP_MARGIN * border.spread(background)));
        // The same test without a square root a pixel: for whole d2, sqrt(d2) > t exactly when d2 > floor(t * t).
        int squaredThreshold = (int) (threshold * threshold);
        boolean[] mask = new boolean[argb.length];
        int[] rowCounts = new int[height];
        int[] colCounts = new int[width];
        int garment = 0;
        for (int y = 0; y < height; y++) {
            int rowStart = y * width;
            for (int x = 0; x < width; x++) {
                int p = argb[rowStart + x];
                if ((p >>> 24) >= ALPHA_THRESHOLD && (cutOut || squaredDistance(p, background) > squaredThreshold)) {
                    mask[rowStart + x] = true;
                    rowCounts[y]++;
                    colCounts[x]++;
                    garment++;
                }
            }
        }
        boolean separated = garment >= Math.max(1, MIN_GARMENT_SHARE * argb.length);
        Foreground.Box box = separated ? box(rowCounts, colCounts, width, height) : null;
        if (box == null) {
            box = new Foreground.Box(0, 0, width, height);
            separated = false;
        }
        return new Foreground(width, height, argb, mask, background, light, box, separated);
    }

    /**
     * Border pixels, counting transparent ones but keeping the colour of opaque ones only. Their median
     * colour is the background; white when most of the border is transparent (a cut-out is treated as if
     * on white, as the product photos were).
     */
    private static final class BorderSample {
        private final int[] r;
        private final int[] g;
        private final int[] b;
        private int opaque;
        private int total;

        BorderSample(int capacity) {
            r = new int[capacity];
            g = new int[capacity];
            b = new int[capacity];
        }

        static BorderSample of(int width, int height, int[] argb) {
            BorderSample sample = new BorderSample(2 * (width + height));
            for (int x = 0; x < width; x++) {
                sample.add(argb[x]);
                sample.add(argb[(height - 1) * width + x]);
            }
            for (int y = 1; y < height - 1; y++) {
                sample.add(argb[y * width]);
                sample.add(argb[y * width + width - 1]);
            }
            return sample;
        }

        boolean mostlyTransparent() {
            return opaque * 2 < total;
        }

        void add(int argb) {
            total++;
            if ((argb >>> 24) >= ALPHA_THRESHOLD) {
                r[opaque] = (argb >> 16) & 0xFF;
                g[opaque] = (argb >> 8) & 0xFF;
                b[opaque] = argb & 0xFF;
                opaque++;
            }
        }

        /**
         * How far the border's opaque pixels lie from {@code background}: the distance 95 % of them stay
         * within (a garment touching the edge may make up the rest without raising it).
         */
        double spread(int background) {
            if (opaque == 0) {
                return 0;
            }
            int[] distances = new int[opaque];
            for (int i = 0; i < opaque; i++) {
                distances[i] = squaredDistance(r[i] << 16 | g[i] << 8 | b[i], background);
            }
            java.util.Arrays.sort(distances);
            return Math.sqrt(distances[(int) Math.min(opaque - 1, Math.floor(0.95 * opaque))]);
        }

        int medianColour() {
            if (mostlyTransparent()) {
                return 0xFFFFFF;
            }
            return (median(r, opaque) << 16) | (median(g, opaque) << 8) | median(b, opaque);
        }
    }

    private static Foreground.Box box(int[] rowCounts, int[] colCounts, int width, int height) {
        int minRow = Math.max(1, (int) Math.ceil(BOX_MIN_SHARE * width));
        int minCol = Math.max(1, (int) Math.ceil(BOX_MIN_SHARE * height));
        int y0 = first(rowCounts, minRow);
        int x0 = first(colCounts, minCol);
        if (y0 < 0 || x0 < 0) {
            return null;
        }
        return new Foreground.Box(x0, y0, last(colCounts, minCol) + 1, last(rowCounts, minRow) + 1);
    }

    private static int first(int[] counts, int min) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    private static int last(int[] counts, int min) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    private static int median(int[] values, int count) {
        int[] histogram = new int[256];
        for (int i = 0; i < count; i++) {
            histogram[values[i]]++;
        }
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen * 2 >= count) {
                return v;
            }
        }
        return 255;
    }

    private static int squaredDistance(int p, int q) {
        int dr = ((p >> 16) & 0xFF) - ((q >> 16) & 0xFF);
        int dg = ((p >> 8) & 0xFF) - ((q >> 8) & 0xFF);
        int db = (p & 0xFF) - (q & 0xFF);
        return dr * dr + dg * dg + db * db;
    }

    /** ITU-R BT.601 luma, 0-255. */
    static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
