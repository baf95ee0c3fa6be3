package com.example.garmentclassifier.image;

import java.util.Arrays;

/**
 * How much of the foreground the largest connected object is. A catalogue photo shows one garment:
 * one object, perhaps with a few specks. Several large separate objects (shapes, furniture in a
 * room) or many small ones (the letters of a page of text) mean the upload is not a garment photo,
 * however confident the network is about it. Objects are 8-connected runs of foreground pixels.
 *
 * <p>Labelled by runs, not by pixels: each row's horizontal runs are joined (union-find) with the
 * runs of the row above that touch them, diagonals included. A flood fill visiting every pixel and
 * its eight neighbours cost 1.7 ms of CPU per 640x560 catalogue JPEG and 7 ms per 3000 px photo
 * (AttributeCostBenchmark), the largest single item of an upload's Java time under load; runs cost
 * one pass over the mask plus a little per run (0.1 and 0.3 ms).
 */
public final class ForegroundObjects {

    private ForegroundObjects() {
    }

    /** @return the largest object's share of the foreground pixels, 1 when there is no foreground */
    public static double largestShare(Foreground foreground) {
        if (!foreground.separated()) {
            return 1;
        }
        Runs runs = new Runs(foreground.mask(), foreground.width(), foreground.height());
        return runs.largestShare();
    }

    /** The mask's runs, row by row, and the objects they join into. */
    private static final class Runs {

        private int count;
        private int[] start = new int[256];
        private int[] end = new int[256];
        private int[] parent = new int[256];
        private long[] pixels = new long[256];

        Runs(boolean[] mask, int width, int height) {
            int previousFirst = 0;
            int previousLast = 0;
            for (int y = 0; y < height; y++) {
                int first = count;
                int row = y * width;
                int x = 0;
                while (x < width) {
                    while (x < width && !mask[row + x]) {
                        x++;
                    }
                    if (x == width) {
                        break;
                    }
                    int runStart = x;
                    while (x < width && mask[row + x]) {
                        x++;
                    }
                    add(runStart, x);
                }
                joinWithRowAbove(previousFirst, previousLast, first, count);
                previousFirst = first;
                previousLast = count;
            }
        }

        private void add(int runStart, int runEnd) {
            if (count == start.length) {
                int capacity = count * 2;
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                parent = Arrays.copyOf(parent, capacity);
                pixels = Arrays.copyOf(pixels, capacity);
            }
            start[count] = runStart;
            end[count] = runEnd;
            parent[count] = count;
            pixels[count] = runEnd - runStart;
            count++;
        }

        /**
         * Runs of two neighbouring rows touch when their column ranges, one widened by a pixel each
         * side for the diagonals, overlap. Both rows' runs are sorted by column, so one pass suffices.
         */
        private void joinWithRowAbove(int aboveFirst, int aboveLast, int first, int last) {
            int above = aboveFirst;
            for (int run = first; run < last && above < aboveLast; ) {
                if (end[above] < start[run]) {
                    above++;
                } else if (end[run] < start[above]) {
                    run++;
                } else {
                    union(above, run);
                    // Whichever ends first cannot touch the other row's next run.
                    if (end[above] < end[run]) {
                        above++;
                    } else {
                        run++;
                    }
                }
            }
        }

        private int root(int run) {
            while (parent[run] != run) {
                parent[run] = parent[parent[run]];
                run = parent[run];
            }
            return run;
        }

        private void union(int a, int b) {
            int rootA = root(a);
            int rootB = root(b);
            if (rootA != rootB) {
                parent[rootB] = rootA;
                pixels[rootA] += pixels[rootB];
            }
        }

        double largestShare() {
            long total = 0;
            long largest = 0;
            for (int run = 0; run < count; run++) {
                total += end[run] - start[run];
                if (parent[run] == run) {
                    largest = Math.max(largest, pixels[run]);
                }
            }
            return total == 0 ? 1 : largest / (double) total;
        }
    }
}
