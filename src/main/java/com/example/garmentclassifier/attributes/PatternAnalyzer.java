package com.example.garmentclassifier.attributes;

/**
 * Reads the pattern from the texture inside the garment (its silhouette's own edges are left
 * out): few colour edges is solid; edges that mostly share one orientation are stripes; edges
 * in two roughly perpendicular orientations are checks; anything else is a print. Orientation
 * comes from the colour structure tensor (Sobel on L, a and b together), so stripes of equal
 * lightness but different hue still count.
 */
final class PatternAnalyzer {

    /** Sobel response (CIELAB units) above which a cell is a pattern edge; shading and JPEG noise stay below. */
    static final double EDGE_THRESHOLD = 40;
    /** Share of interior cells on a pattern edge below which a garment is solid. */
    static final double SOLID_EDGE_DENSITY = 0.03;
    private static final int BINS = 36;

    /** The measured evidence, kept for tests and tuning. */
    record Measurement(double edgeDensity, double dominantShare, double perpendicularShare, int interiorCells) {
    }

    private PatternAnalyzer() {
    }

    static PatternScore analyse(GarmentRegion region) {
        return classify(measure(region));
    }

    static Measurement measure(GarmentRegion region) {
        double[] histogram = new double[BINS];
        int interior = 0;
        int edges = 0;
        double totalWeight = 0;
        for (int y = 0; y < region.height; y++) {
            for (int x = 0; x < region.width; x++) {
                if (!region.interior(x, y, 2)) {
                    continue;
                }
                interior++;
                double jxx = 0;
                double jyy = 0;
                double jxy = 0;
                for (int channel = 0; channel < 3; channel++) {
                    double gx = value(region, x + 1, y - 1, channel) + 2 * value(region, x + 1, y, channel)
                            + value(region, x + 1, y + 1, channel) - value(region, x - 1, y - 1, channel)
                            - 2 * value(region, x - 1, y, channel) - value(region, x - 1, y + 1, channel);
                    double gy = value(region, x - 1, y + 1, channel) + 2 * value(region, x, y + 1, channel)
                            + value(region, x + 1, y + 1, channel) - value(region, x - 1, y - 1, channel)
                            - 2 * value(region, x, y - 1, channel) - value(region, x + 1, y - 1, channel);
                    jxx += gx * gx;
                    jyy += gy * gy;
                    jxy += gx * gy;
                }
                double magnitude = Math.sqrt(jxx + jyy);
                if (magnitude < EDGE_THRESHOLD) {
                    continue;
                }
                edges++;
                // Orientation of the gradient, folded to [0, 180) degrees.
                double angle = Math.toDegrees(0.5 * Math.atan2(2 * jxy, jxx - jyy));
                int bin = (int) Math.floor(((angle + 180) % 180) / (180.0 / BINS)) % BINS;
                histogram[bin] += magnitude;
                totalWeight += magnitude;
            }
        }
        if (interior == 0 || totalWeight == 0) {
            return new Measurement(0, 0, 0, interior);
        }
        int peak = 0;
        double peakShare = 0;
        for (int bin = 0; bin < BINS; bin++) {
            double share = window(histogram, bin) / totalWeight;
            if (share > peakShare) {
                peakShare = share;
                peak = bin;
            }
        }
        double perpendicular = window(histogram, (peak + BINS / 2) % BINS) / totalWeight;
        return new Measurement(edges / (double) interior, peakShare, perpendicular, interior);
    }

    static PatternScore classify(Measurement m) {
        if (m.interiorCells() == 0 || m.edgeDensity() < SOLID_EDGE_DENSITY) {
            return new PatternScore("solid", round(1 - m.edgeDensity() / SOLID_EDGE_DENSITY * 0.5));
        }
        if (m.dominantShare() >= 0.6 && m.perpendicularShare() < 0.15) {
            return new PatternScore("striped", round(m.dominantShare()));
        }
        if (m.dominantShare() + m.perpendicularShare() >= 0.65 && m.perpendicularShare() >= 0.15) {
            return new PatternScore("checked", round(m.dominantShare() + m.perpendicularShare()));
        }
        return new PatternScore("printed", round(1 - (m.dominantShare() + m.perpendicularShare()) / 2));
    }

    /** Weight within +-20 degrees of a bin (5 bins of 5 degrees... wrapped around 180). */
    private static double window(double[] histogram, int centre) {
        double sum = 0;
        for (int d = -4; d <= 4; d++) {
            sum += histogram[(centre + d + BINS) % BINS];
        }
        return sum;
    }

    private static double value(GarmentRegion region, int x, int y, int channel) {
        Lab c = region.at(x, y);
        return channel == 0 ? c.l() : channel == 1 ? c.a() : c.b();
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 100) / 100.0;
    }
}
