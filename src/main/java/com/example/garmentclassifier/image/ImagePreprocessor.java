package com.example.garmentclassifier.image;

import java.awt.image.BufferedImage;

/**
 * Turns an arbitrary upload into what the model was trained on, following the conversion the
 * Fashion-MNIST paper used on product photos: find the background from the border, trim to the
 * garment, scale the longest side to 28 keeping the aspect ratio, sharpen lightly, centre on a
 * 28x28 canvas, negate a light background so the garment is light on black, go grayscale, and
 * stretch the contrast to the full range as every image in the data set has.
 */
public class ImagePreprocessor {

    public static final int SIDE = 28;
    /** Uploads larger than this (longest side) are box-averaged down first: detail beyond it changes nothing at 28 px. */
    static final int WORKING_SIDE = 1024;
    static final float SHARPEN_AMOUNT = 0.5f;
    private static final int BLACK = 0x000000;

    private final ForegroundDetector detector;

    public ImagePreprocessor(ForegroundDetector detector) {
        this.detector = detector;
    }

    public PreparedImage prepare(BufferedImage image) {
        int factor = reductionFactor(image.getWidth(), image.getHeight(), WORKING_SIDE);
        // At least one pixel each way: a 1100 x 1 strip halves to 550 x 1, not to nothing.
        int width = Math.max(1, image.getWidth() / factor);
        int height = Math.max(1, image.getHeight() / factor);
        int[] argb = factor == 1
                ? ArgbPixels.of(image).rows(0, height, new int[width * height])
                : boxDownsample(image, factor, width, height);
        Foreground foreground = detector.detect(width, height, argb);
        if (inDataSetForm(foreground)) {
            // Already what the network was trained on: trimming, rescaling and sharpening it again only moves it
            // away from that (see docs/model.md, "No train/serve skew"). The background is black by the data set's
            // definition; the border's median is not, when a garment fills most of the frame.
            Foreground wholeFrame = new Foreground(width, height, argb, foreground.mask(), BLACK,
                    false, new Foreground.Box(0, 0, width, height), foreground.separated());
            return new PreparedImage(stretchContrast(intensities(wholeFrame)), foreground);
        }
        int[] filledOutline = OutlineFill.filled(foreground);
        // The model input reads the filled-in silhouette; the attributes keep reading the drawing as uploaded.
        float[] crop = intensities(filledOutline == null ? foreground : new Foreground(width, height, filledOutline,
                foreground.mask(), foreground.background(), foreground.lightBackground(), foreground.box(),
                foreground.separated()));
        Foreground.Box box = foreground.box();
        float[] input = stretchContrast(centre(sharpen(resizeLongestSide(crop, box.width(), box.height()))));
        return new PreparedImage(input, foreground);
    }

    /** A 28x28 image of a light garment on a dark background: the data set's own form, taken as it is. */
    static boolean inDataSetForm(Foreground foreground) {
        return foreground.width() == SIDE && foreground.height() == SIDE && !foreground.lightBackground();
    }

    /** The whole factor that brings an image's longest side to at most {@code maxSide} (1 if it already is). */
    static int reductionFactor(int width, int height, int maxSide) {
        return Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) maxSide));
    }

    /** Garment intensity in [0, 1] inside the box: distance from the background in the Fashion-MNIST direction. */
    static float[] intensities(Foreground fg) {
        Foreground.Box box = fg.box();
        double background = ForegroundDetector.luminance(fg.background());
        float[] out = new float[box.width() * box.height()];
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                int p = fg.argb()[y * fg.width() + x];
                double alpha = (p >>> 24) / 255.0;
                double luma = alpha * ForegroundDetector.luminance(p) + (1 - alpha) * background;
                double v = fg.lightBackground()
                        ? (background - luma) / Math.max(background, 1)
                        : (luma - background) / Math.max(255 - background, 1);
                out[(y - box.y0()) * box.width() + (x - box.x0())] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return out;
    }

    /** Holds the result's size alongside the pixels. */
    record Plane(float[] pixels, int width, int height) {
    }

    static Plane resizeLongestSide(float[] src, int sw, int sh) {
        int tw;
        int th;
        if (sw >= sh) {
            tw = SIDE;
            th = Math.max(1, Math.round(sh * SIDE / (float) sw));
        } else {
            th = SIDE;
            tw = Math.max(1, Math.round(sw * SIDE / (float) sh));
        }
        return new Plane(Resampler.resize(src, sw, sh, tw, th), tw, th);
    }

    /** Unsharp mask with a 3x3 Gaussian (sigma 1), as the paper sharpened after scaling. */
    static Plane sharpen(Plane plane) {
        int w = plane.width();
        int h = plane.height();
        float[] src = plane.pixels();
        float[] out = new float[src.length];
        float[] kernel = {0.0751f, 0.1238f, 0.0751f, 0.1238f, 0.2042f, 0.1238f, 0.0751f, 0.1238f, 0.0751f};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float blur = 0;
                for (int ky = -1; ky <= 1; ky++) {
                    for (int kx = -1; kx <= 1; kx++) {
                        int sx = Math.min(w - 1, Math.max(0, x + kx));
                        int sy = Math.min(h - 1, Math.max(0, y + ky));
                        blur += kernel[(ky + 1) * 3 + kx + 1] * src[sy * w + sx];
                    }
                }
                float v = src[y * w + x] + SHARPEN_AMOUNT * (src[y * w + x] - blur);
                out[y * w + x] = Math.min(1, Math.max(0, v));
            }
        }
        return new Plane(out, w, h);
    }

    /**
     * Scales intensities so the brightest pixel is 1: every Fashion-MNIST image reaches 254-255, so a
     * navy or red garment (which negates to less than white) must be stretched to look like them.
     */
    static float[] stretchContrast(float[] pixels) {
        float max = 0;
        for (float p : pixels) {
            max = Math.max(max, p);
        }
        if (max > 0 && max < 1) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] /= max;
            }
        }
        return pixels;
    }

    static float[] centre(Plane plane) {
        float[] out = new float[SIDE * SIDE];
        int ox = (SIDE - plane.width()) / 2;
        int oy = (SIDE - plane.height()) / 2;
        for (int y = 0; y < plane.height(); y++) {
            System.arraycopy(plane.pixels(), y * plane.width(), out, (y + oy) * SIDE + ox, plane.width());
        }
        return out;
    }

    /**
     * Averages factor x factor blocks, weighting colour by alpha so transparent pixels do not darken edges.
     * A side shorter than the factor is averaged over what there is of it.
     */
    static int[] boxDownsample(BufferedImage image, int factor, int width, int height) {
        int[] out = new int[width * height];
        int sourceWidth = image.getWidth();
        int[] strip = new int[sourceWidth * factor];
        ArgbPixels pixels = ArgbPixels.of(image);
        for (int ty = 0; ty < height; ty++) {
            int rows = Math.min(factor, image.getHeight() - ty * factor);
            pixels.rows(ty * factor, rows, strip);
            for (int tx = 0; tx < width; tx++) {
                int columns = Math.min(factor, sourceWidth - tx * factor);
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int dy = 0; dy < rows; dy++) {
                    int rowStart = dy * sourceWidth + tx * factor;
                    for (int i = rowStart; i < rowStart + columns; i++) {
                        int p = strip[i];
                        int pa = p >>> 24;
                        a += pa;
                        r += (long) ((p >> 16) & 0xFF) * pa;
                        g += (long) ((p >> 8) & 0xFF) * pa;
                        b += (long) (p & 0xFF) * pa;
                    }
                }
                out[ty * width + tx] = a == 0 ? 0
                        : (int) (a / (rows * columns)) << 24 | (int) (r / a) << 16 | (int) (g / a) << 8 | (int) (b / a);
            }
        }
        return out;
    }
}
