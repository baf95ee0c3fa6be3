package com.example.garmentclassifier.attributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dominant colours of the garment cells: k-means clusters, each named from the catalogue
 * palette; clusters with the same name (a colour and its shading) are merged, and names with
 * less than {@value #MIN_SHARE} of the garment are dropped as noise.
 */
final class ColourAnalyzer {

    static final int CLUSTERS = 5;
    static final int MAX_COLOURS = 3;
    static final double MIN_SHARE = 0.06;

    private ColourAnalyzer() {
    }

    static List<ColourShare> analyse(GarmentRegion region) {
        List<Lab> pixels = new ArrayList<>(region.colours.length);
        for (Lab c : region.colours) {
            if (c != null) {
                pixels.add(c);
            }
        }
        if (pixels.isEmpty()) {
            return List.of();
        }
        List<Lab> sample = ColourClusterer.sample(pixels);
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (ColourClusterer.Cluster cluster : ColourClusterer.cluster(sample, CLUSTERS)) {
            double[] acc = byName.computeIfAbsent(CataloguePalette.nameOf(cluster.centre()), k -> new double[4]);
            acc[0] += cluster.size();
            acc[1] += cluster.centre().l() * cluster.size();
            acc[2] += cluster.centre().a() * cluster.size();
            acc[3] += cluster.centre().b() * cluster.size();
        }
        List<ColourShare> colours = new ArrayList<>();
        byName.forEach((name, acc) -> {
            double share = acc[0] / sample.size();
            if (share >= MIN_SHARE) {
                Lab mean = new Lab(acc[1] / acc[0], acc[2] / acc[0], acc[3] / acc[0]);
                colours.add(new ColourShare(name, mean.hex(), Math.round(share * 100) / 100.0));
            }
        });
        colours.sort((x, y) -> Double.compare(y.share(), x.share()));
        return colours.size() > MAX_COLOURS ? List.copyOf(colours.subList(0, MAX_COLOURS)) : List.copyOf(colours);
    }
}
