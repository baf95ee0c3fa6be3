package com.example.garmentclassifier.image;

/**
 * How much of the foreground the largest connected object is. A catalogue photo shows one garment:
 * one object, perhaps with a few specks. Several large separate objects (shapes, furniture in a
 * room) or many small ones (the letters of a page of text) mean the upload is not a garment photo,
 * however confident the network is about it. Objects are 8-connected runs of foreground pixels.
 */
public final class ForegroundObjects {

    private ForegroundObjects() {
    }

    /** @return the largest object's share of the foreground pixels, 1 when there is no foreground */
    public static double largestShare(Foreground foreground) {
        if (!foreground.separated()) {
            return 1;
        }
        boolean[] mask = foreground.mask();
        int width = foreground.width();
        int height = foreground.height();
        boolean[] seen = new boolean[mask.length];
        int[] stack = new int[Math.max(16, mask.length / 8)];
        long total = 0;
        long largest = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) {
                continue;
            }
            long size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int pixel = stack[--top];
                size++;
                int x = pixel % width;
                int y = pixel / width;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int next = ny * width + nx;
                        if (nx < 0 || nx >= width || seen[next] || !mask[next]) {
                            continue;
                        }
                        seen[next] = true;
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = next;
                    }
                }
            }
            total += size;
            largest = Math.max(largest, size);
        }
        return total == 0 ? 1 : largest / (double) total;
    }
}
