package com.example.garmentclassifier.attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * k-means in CIELAB over a fixed, evenly spaced sample of garment pixels, seeded with a fixed
 * seed (k-means++), so the same image always gives the same clusters.
 */
final class ColourClusterer {

    static final int MAX_SAMPLE = 3000;
    private static final int ITERATIONS = 15;
    private static final long SEED = 20261124L;

    /** One cluster: its mean colour and how many sampled pixels it holds. */
    record Cluster(Lab centre, int size) {
    }

    private ColourClusterer() {
    }

    static List<Lab> sample(List<Lab> pixels) {
        if (pixels.size() <= MAX_SAMPLE) {
            return pixels;
        }
        List<Lab> sample = new ArrayList<>(MAX_SAMPLE);
        double step = pixels.size() / (double) MAX_SAMPLE;
        for (int i = 0; i < MAX_SAMPLE; i++) {
            sample.add(pixels.get((int) (i * step)));
        }
        return sample;
    }

    static List<Cluster> cluster(List<Lab> points, int k) {
        int n = points.size();
        k = Math.min(k, n);
        double[][] centres = initialCentres(points, k, new Random(SEED));
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(centres, points.get(i));
                if (nearest != assignment[i] || iteration == 0) {
                    changed |= nearest != assignment[i];
                    assignment[i] = nearest;
                }
            }
            double[][] sums = new double[k][3];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                Lab p = points.get(i);
                sums[assignment[i]][0] += p.l();
                sums[assignment[i]][1] += p.a();
                sums[assignment[i]][2] += p.b();
                counts[assignment[i]]++;
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    centres[c] = new double[] {sums[c][0] / counts[c], sums[c][1] / counts[c], sums[c][2] / counts[c]};
                }
            }
            if (!changed && iteration > 0) {
                break;
            }
        }
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                clusters.add(new Cluster(new Lab(centres[c][0], centres[c][1], centres[c][2]), sizes[c]));
            }
        }
        clusters.sort((x, y) -> Integer.compare(y.size(), x.size()));
        return clusters;
    }

    private static double[][] initialCentres(List<Lab> points, int k, Random random) {
        double[][] centres = new double[k][];
        centres[0] = toArray(points.get(random.nextInt(points.size())));
        double[] distances = new double[points.size()];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                double d = squaredDistance(centres, c, points.get(i));
                distances[i] = d;
                total += d;
            }
            double target = random.nextDouble() * total;
            int chosen = 0;
            for (double running = 0; chosen < points.size() - 1; chosen++) {
                running += distances[chosen];
                if (running >= target) {
                    break;
                }
            }
            centres[c] = toArray(points.get(chosen));
        }
        return centres;
    }

    private static double squaredDistance(double[][] centres, int count, Lab p) {
        double best = Double.MAX_VALUE;
        for (int c = 0; c < count; c++) {
            best = Math.min(best, squared(centres[c], p));
        }
        return best;
    }

    private static int nearest(double[][] centres, Lab p) {
        int best = 0;
        double bestDistance = squared(centres[0], p);
        for (int c = 1; c < centres.length; c++) {
            double distance = squared(centres[c], p);
            if (distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double squared(double[] c, Lab p) {
        double dl = c[0] - p.l();
        double da = c[1] - p.a();
        double db = c[2] - p.b();
        return dl * dl + da * da + db * db;
    }

    private static double[] toArray(Lab p) {
        return new double[] {p.l(), p.a(), p.b()};
    }
}
