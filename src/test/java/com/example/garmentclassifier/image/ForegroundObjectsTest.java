package com.example.garmentclassifier.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForegroundObjectsTest {

    @Test
    void oneSolidObjectIsAllOfTheForeground() {
        assertEquals(1.0, share("""
                .....
                .###.
                .###.
                ....."""), 1e-12);
    }

    @Test
    void diagonalNeighboursBelongToTheSameObject() {
        assertEquals(1.0, share("""
                #....
                .#...
                ..#.#
                ...#."""), 1e-12);
    }

    @Test
    void separateObjectsSplitTheForeground() {
        // 6 pixels on the left, 2 on the right, one column apart.
        assertEquals(6 / 8.0, share("""
                ##.#.
                ##.#.
                ##..."""), 1e-12);
    }

    @Test
    void armsThatMeetFurtherDownAreOneObject() {
        // A U: the two arms are separate runs until the bottom row joins them.
        assertEquals(1.0, share("""
                #...#...#
                #...#...#
                #...#...#
                #########"""), 1e-12);
    }

    @Test
    void noForegroundCountsAsOneObject() {
        assertEquals(1.0, share("""
                ...
                ..."""), 1e-12);
    }

    @Test
    void agreesWithAPixelByPixelFloodFillOnRandomMasks() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            double density = random.nextDouble();
            boolean[] mask = new boolean[width * height];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < density;
            }
            assertEquals(floodFillShare(mask, width, height), ForegroundObjects.largestShare(foreground(mask, width, height)),
                    1e-12, "trial " + trial);
        }
    }

    private static double share(String picture) {
        String[] rows = picture.split("\n");
        int width = rows[0].length();
        boolean[] mask = new boolean[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = rows[y].charAt(x) == '#';
            }
        }
        return ForegroundObjects.largestShare(foreground(mask, width, rows.length));
    }

    private static Foreground foreground(boolean[] mask, int width, int height) {
        return new Foreground(width, height, new int[mask.length], mask, 0xFFFFFF, true,
                new Foreground.Box(0, 0, width, height), true);
    }

    /** The obvious algorithm, for comparison: visit each pixel's eight neighbours. */
    private static double floodFillShare(boolean[] mask, int width, int height) {
        boolean[] seen = new boolean[mask.length];
        long total = 0;
        long largest = 0;
        for (int first = 0; first < mask.length; first++) {
            if (!mask[first] || seen[first]) {
                continue;
            }
            long size = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(first);
            seen[first] = true;
            while (!queue.isEmpty()) {
                int pixel = queue.poll();
                size++;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = pixel % width + dx;
                        int y = pixel / width + dy;
                        if (x >= 0 && x < width && y >= 0 && y < height && mask[y * width + x] && !seen[y * width + x]) {
                            seen[y * width + x] = true;
                            queue.add(y * width + x);
                        }
                    }
                }
            }
            total += size;
            largest = Math.max(largest, size);
        }
        return total == 0 ? 1 : largest / (double) total;
    }
}
