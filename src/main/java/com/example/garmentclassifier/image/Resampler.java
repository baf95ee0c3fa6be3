package com.example.garmentclassifier.image;

/** Resizes a single-channel float image: area averaging when shrinking, bilinear when enlarging. */
final class Resampler {

    private Resampler() {
    }

    static float[] resize(float[] src, int sw, int sh, int tw, int th) {
        float[] horizontal = new float[tw * sh];
        for (int y = 0; y < sh; y++) {
            resizeLine(src, y * sw, 1, sw, horizontal, y * tw, 1, tw);
        }
        float[] out = new float[tw * th];
        for (int x = 0; x < tw; x++) {
            resizeLine(horizontal, x, tw, sh, out, x, tw, th);
        }
        return out;
    }

    /** Resamples one row or column: n source samples at src[offset + i*stride] into m target samples. */
    private static void resizeLine(float[] src, int srcOffset, int srcStride, int n,
                                   float[] dst, int dstOffset, int dstStride, int m) {
        double scale = n / (double) m;
        for (int i = 0; i < m; i++) {
            double value;
            if (scale > 1) {
                double start = i * scale;
                double end = start + scale;
                double sum = 0;
                for (int s = (int) start; s < Math.min(n, Math.ceil(end)); s++) {
                    double weight = Math.min(end, s + 1) - Math.max(start, s);
                    sum += weight * src[srcOffset + s * srcStride];
                }
                value = sum / scale;
            } else {
                double position = Math.max(0, (i + 0.5) * scale - 0.5);
                int left = Math.min(n - 1, (int) position);
                int right = Math.min(n - 1, left + 1);
                double t = position - left;
                value = (1 - t) * src[srcOffset + left * srcStride] + t * src[srcOffset + right * srcStride];
            }
            dst[dstOffset + i * dstStride] = (float) value;
        }
    }
}
