package com.example.garmentclassifier.attributes;

import java.util.ArrayList;
import java.util.List;

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
        List<List<int[]>> rows = new ArrayList<>(height);
        int[][] central = new int[height][];
        for (int y = 0; y < height; y++) {
            rows.add(runs(region, y, minRun));
            central[y] = centralRun(rows.get(y), width / 2);
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
            List<int[]> runs = rows.get(y);
            if (runs.isEmpty()) {
                continue;
            }
            int outer = outerWidth(runs);
            boolean sleeve;
            if (y <= waistRow) {
                sleeve = outer > waist * SLEEVE_WIDENING;
            } else {
                // Arms hang from the shoulders: a row counts only as the continuation of sleeve rows above it, and
                // only with garment beside the body (another run than the central one).
                sleeve = sleeveEnd == y - 1 && runs.size() > 1;
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
            double shoulders = shoulderWidth(rows) / waist;
            if (shoulders > SLEEVELESS_SHOULDERS) {
                return null;
            }
            return new SleeveLength("sleeveless", score((SLEEVELESS_SHOULDERS - shoulders) / 0.15));
        }
        double length = Math.hypot(sleeveEnd + 1, reach) / waist;
        boolean isLong = length >= LONG_REACH;
        return new SleeveLength(isLong ? "long" : "short", score(Math.abs(length - LONG_REACH) / 0.5));
    }

    /** Mean outer width of the top 15 % of the garment's rows. */
    private static double shoulderWidth(List<List<int[]>> rows) {
        int count = Math.max(1, (int) (rows.size() * 0.15));
        double sum = 0;
        for (List<int[]> runs : rows.subList(0, count)) {
            sum += outerWidth(runs);
        }
        return sum / count;
    }

    /** 0.5 at the decision boundary, rising to 1 at a full margin. */
    private static double score(double margin) {
        return Math.round((0.5 + 0.5 * Math.max(0, Math.min(1, margin))) * 100) / 100.0;
    }

    /** The row's runs of at least {@code minRun} garment cells, left to right, as [first, last] cells. */
    private static List<int[]> runs(GarmentRegion region, int y, int minRun) {
        List<int[]> runs = new ArrayList<>();
        int x = 0;
        while (x < region.width) {
            int start = x;
            while (x < region.width && garment(region, x, y)) {
                x++;
            }
            if (x - start >= minRun) {
                runs.add(new int[] {start, x - 1});
            }
            x = Math.max(x, start + 1);
        }
        return runs;
    }

    /** The run at the centre column, or the one nearest to it (the body); null for a row without runs. */
    private static int[] centralRun(List<int[]> runs, int centre) {
        int[] best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int[] run : runs) {
            int distance = centre < run[0] ? run[0] - centre : centre > run[1] ? centre - run[1] : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = run;
            }
        }
        return best;
    }

    /** From the leftmost to the rightmost garment cell of the row's runs; 0 for a row without runs. */
    private static int outerWidth(List<int[]> runs) {
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1)[1] - runs.get(0)[0] + 1;
    }

    private static boolean garment(GarmentRegion region, int x, int y) {
        return region.colours[y * region.width + x] != null;
    }
}
