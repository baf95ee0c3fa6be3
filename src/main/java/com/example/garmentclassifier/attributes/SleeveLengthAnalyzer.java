package com.example.garmentclassifier.attributes;

/**
 * Sleeve length from the garment's silhouette, as a catalogue photo shows a top or dress: front on,
 * upright. The torso's width is taken at the waist (the narrowest part of the middle of the garment,
 * counting only the run of garment cells at its centre, so arms hanging beside it are left out).
 * Sleeves are what lies beyond the torso: above the waist, rows markedly wider than the waist;
 * below it, garment beside the central run (arms hanging down). How far the sleeves reach from the
 * top, down and out, relative to the waist's width, tells short from long. No such rows, with
 * shoulders narrower than the waist (armholes), is sleeveless; with shoulders as wide as the body,
 * the arms may lie against it with no gap, which a silhouette cannot show: then there is no answer.
 */
final class SleeveLengthAnalyzer {

    /** Rows this much wider than the waist carry sleeves (a sleeveless top's chest is narrower). */
    static final double SLEEVE_WIDENING = 1.3;
    /** Sleeves reaching less than this many waist widths from the top are short, further is long. */
    static final double LONG_REACH = 0.9;
    /** A garment without sleeves is at most this wide at the shoulders, relative to its waist. */
    static final double SLEEVELESS_SHOULDERS = 0.92;
    /** Fewest cells a side needs for a silhouette to be read at all. */
    private static final int MIN_SIDE = 8;

    private SleeveLengthAnalyzer() {
    }

    /** @return the sleeve length, or null when the region is too small to read */
    static SleeveLength analyse(GarmentRegion region) {
        int width = region.width;
        int height = region.height;
        if (width < MIN_SIDE || height < MIN_SIDE) {
            return null;
        }
        // Runs shorter than this are specks of a textured backdrop the foreground let through, not garment.
        int minRun = Math.max(2, width / 40);
        int[][] central = new int[height][];
        for (int y = 0; y < height; y++) {
            central[y] = centralRun(region, y, minRun);
        }
        int waistRow = -1;
        int waist = Integer.MAX_VALUE;
        for (int y = (int) (height * 0.35); y <= (int) (height * 0.75); y++) {
            if (central[y] != null && central[y][1] - central[y][0] + 1 < waist) {
                waist = central[y][1] - central[y][0] + 1;
                waistRow = y;
            }
        }
        if (waistRow < 0) {
            return null;
        }
        int sleeveEnd = -1;
        double reach = 0;
        for (int y = 0; y < height; y++) {
            int[] extent = extent(region, y, minRun);
            if (extent == null) {
                continue;
            }
            int outer = extent[1] - extent[0] + 1;
            boolean sleeve;
            if (y <= waistRow) {
                sleeve = outer > waist * SLEEVE_WIDENING;
            } else {
                // Arms hang from the shoulders: a row counts only as the continuation of sleeve rows above it.
                sleeve = sleeveEnd == y - 1 && central[y] != null && hasRunBeside(region, y, central[y], minRun);
            }
            if (sleeve) {
                sleeveEnd = y;
                reach = Math.max(reach, (outer - waist) / 2.0);
            }
        }
        if (sleeveEnd < 0) {
            // No sleeves beyond the body. Armholes make a sleeveless garment narrower at the shoulders than at
            // the waist; shoulders as wide as the body are arms lying against it, which the silhouette cannot
            // tell apart from the body: then say nothing rather than "sleeveless".
            double shoulders = shoulderWidth(region, minRun) / waist;
            if (shoulders > SLEEVELESS_SHOULDERS) {
                return null;
            }
            return new SleeveLength("sleeveless", score((SLEEVELESS_SHOULDERS - shoulders) / 0.15));
        }
        double length = Math.hypot(sleeveEnd + 1, reach) / waist;
        boolean isLong = length >= LONG_REACH;
        return new SleeveLength(isLong ? "long" : "short", score(Math.abs(length - LONG_REACH) / 0.5));
    }

    /** Mean width of the top 15 % of the garment's rows. */
    private static double shoulderWidth(GarmentRegion region, int minRun) {
        int rows = Math.max(1, (int) (region.height * 0.15));
        double sum = 0;
        for (int y = 0; y < rows; y++) {
            int[] extent = extent(region, y, minRun);
            sum += extent == null ? 0 : extent[1] - extent[0] + 1;
        }
        return sum / rows;
    }

    /** 0.5 at the decision boundary, rising to 1 at a full margin. */
    private static double score(double margin) {
        return Math.round((0.5 + 0.5 * Math.max(0, Math.min(1, margin))) * 100) / 100.0;
    }

    /**
     * The run of at least {@code minRun} garment cells at the row's centre, or the one nearest to it;
     * null for a row without one. Specks are not the body.
     */
    private static int[] centralRun(GarmentRegion region, int y, int minRun) {
        int centre = region.width / 2;
        int[] best = null;
        int bestDistance = Integer.MAX_VALUE;
        int x = 0;
        while (x < region.width) {
            if (!garment(region, x, y)) {
                x++;
                continue;
            }
            int start = x;
            while (x < region.width && garment(region, x, y)) {
                x++;
            }
            int end = x - 1;
            if (end - start + 1 < minRun) {
                continue;
            }
            int distance = centre < start ? start - centre : centre > end ? centre - end : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = new int[] {start, end};
            }
        }
        return best;
    }

    /** Leftmost and rightmost cell of the row's runs of at least {@code minRun} garment cells; null if none. */
    private static int[] extent(GarmentRegion region, int y, int minRun) {
        int left = -1;
        int right = -1;
        int x = 0;
        while (x < region.width) {
            int start = x;
            while (x < region.width && garment(region, x, y)) {
                x++;
            }
            if (x - start >= minRun) {
                left = left < 0 ? start : left;
                right = x - 1;
            }
            x = Math.max(x, start + 1);
        }
        return left < 0 ? null : new int[] {left, right};
    }

    /** A run of at least {@code minRun} garment cells beside the central run: an arm beside the body. */
    private static boolean hasRunBeside(GarmentRegion region, int y, int[] central, int minRun) {
        int x = 0;
        while (x < region.width) {
            int start = x;
            while (x < region.width && garment(region, x, y)) {
                x++;
            }
            if (x - start >= minRun && (x - 1 < central[0] || start > central[1])) {
                return true;
            }
            x = Math.max(x, start + 1);
        }
        return false;
    }

    private static boolean garment(GarmentRegion region, int x, int y) {
        return region.colours[y * region.width + x] != null;
    }
}
