package com.example.garmentclassifier.image;

import java.util.Arrays;

/**
 * Outline drawings (a garment drawn as its contour only) filled in, so the model sees the
 * silhouette it was trained on rather than a thin ring. An upload counts as an outline when its
 * garment pixels cover little of their box and enclose far more background than they cover; a
 * garment with a hole (a bag's handle, a neck opening) encloses less than it covers and is left as it is.
 */
final class OutlineFill {

    /** Garment share of its box below which a mask may be an outline (solid garments cover half or more). */
    static final double MAX_FILL_RATIO = 0.3;
    /** Enclosed background must outweigh the lines by this much. */
    static final double MIN_ENCLOSED_PER_LINE = 1.5;

    private OutlineFill() {
    }

    /**
     * The pixels with every enclosed background region painted in the lines' median colour, or null
     * when the garment is not an outline.
     */
    static int[] filled(Foreground foreground) {
        if (!foreground.separated()) {
            return null;
        }
        Foreground.Box box = foreground.box();
        int w = foreground.width();
        int h = foreground.height();
        boolean[] mask = foreground.mask();
        int lines = 0;
        for (boolean m : mask) {
            lines += m ? 1 : 0;
        }
        if (lines >= MAX_FILL_RATIO * box.width() * box.height()) {
            return null;
        }
        boolean[] outside = outside(mask, w, h);
        int enclosed = 0;
        for (int i = 0; i < mask.length; i++) {
            enclosed += !mask[i] && !outside[i] ? 1 : 0;
        }
        if (enclosed < MIN_ENCLOSED_PER_LINE * lines) {
            return null;
        }
        int ink = medianColour(foreground.argb(), mask, lines);
        int[] argb = foreground.argb().clone();
        for (int i = 0; i < argb.length; i++) {
            if (!mask[i] && !outside[i]) {
                argb[i] = ink;
            }
        }
        return argb;
    }

    /**
     * Background pixels reachable from the image's edge without crossing the garment, or touching it: a
     * line that steps diagonally would otherwise let the fill leak through between its pixels.
     */
    private static boolean[] outside(boolean[] lines, int w, int h) {
        boolean[] mask = thickened(lines, w, h);
        boolean[] outside = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int head = 0;
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = seed(x, mask, outside, queue, tail);
            tail = seed((h - 1) * w + x, mask, outside, queue, tail);
        }
        for (int y = 0; y < h; y++) {
            tail = seed(y * w, mask, outside, queue, tail);
            tail = seed(y * w + w - 1, mask, outside, queue, tail);
        }
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            if (x > 0) {
                tail = seed(i - 1, mask, outside, queue, tail);
            }
            if (x < w - 1) {
                tail = seed(i + 1, mask, outside, queue, tail);
            }
            if (i >= w) {
                tail = seed(i - w, mask, outside, queue, tail);
            }
            if (i + w < mask.length) {
                tail = seed(i + w, mask, outside, queue, tail);
            }
        }
        return outside;
    }

    /** The lines grown by one pixel in all eight directions. */
    private static boolean[] thickened(boolean[] lines, int w, int h) {
        boolean[] thick = new boolean[lines.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (lines[y * w + x]) {
                    for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
                        for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
                            thick[dy * w + dx] = true;
                        }
                    }
                }
            }
        }
        return thick;
    }

    private static int seed(int i, boolean[] mask, boolean[] outside, int[] queue, int tail) {
        if (!mask[i] && !outside[i]) {
            outside[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }

    /** Per channel, over the garment's pixels; opaque. */
    private static int medianColour(int[] argb, boolean[] mask, int count) {
        int[] r = new int[count];
        int[] g = new int[count];
        int[] b = new int[count];
        int n = 0;
        for (int i = 0; i < argb.length; i++) {
            if (mask[i]) {
                r[n] = (argb[i] >> 16) & 0xFF;
                g[n] = (argb[i] >> 8) & 0xFF;
                b[n] = argb[i] & 0xFF;
                n++;
            }
        }
        Arrays.sort(r);
        Arrays.sort(g);
        Arrays.sort(b);
        return 0xFF000000 | r[n / 2] << 16 | g[n / 2] << 8 | b[n / 2];
    }
}
