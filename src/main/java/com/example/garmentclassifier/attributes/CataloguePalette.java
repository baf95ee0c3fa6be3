package com.example.garmentclassifier.attributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed colour names the catalogue uses, each with a reference colour. A colour is named
 * by its nearest reference in CIELAB, with lightness differences counted at half weight so a
 * shaded or highlighted part of a garment keeps its hue's name; black, grey and white differ
 * enough in lightness to stay apart.
 */
public final class CataloguePalette {

    /** Name to reference colour (sRGB), in the order docs/api.md documents them. */
    public static final Map<String, Integer> REFERENCES = references();

    private static final double LIGHTNESS_WEIGHT = 0.5;
    private static final Map<String, Lab> LAB = new LinkedHashMap<>();

    static {
        REFERENCES.forEach((name, rgb) -> LAB.put(name, Lab.fromRgb(rgb)));
    }

    private CataloguePalette() {
    }

    private static Map<String, Integer> references() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("black", 0x141414);
        map.put("white", 0xf5f5f3);
        map.put("grey", 0x8e8e8e);
        map.put("beige", 0xd9c7a5);
        map.put("brown", 0x6f4325);
        map.put("red", 0xc62828);
        map.put("orange", 0xef7d1a);
        map.put("yellow", 0xf3d23b);
        map.put("green", 0x2e8b3d);
        map.put("blue", 0x2f6fd6);
        map.put("navy", 0x1f2a4f);
        map.put("purple", 0x6a3d9a);
        map.put("pink", 0xf18db6);
        // Names catalogue teams use for garments that the basic hues above would misname (a light-blue
        // shirt is not navy, an olive jacket not green, a burgundy dress not red). References sit where such
        // garments are, far enough from their neighbours that shading keeps a garment's name: khaki is the
        // yellowish khaki of chinos (the pale web "khaki" stays beige). Cream stays white or beige and
        // mustard yellow: with lightness at half weight they lie too close to those to be named apart reliably.
        map.put("light blue", 0x9fc4e8);
        map.put("teal", 0x13787a);
        map.put("olive", 0x6b6e23);
        map.put("khaki", 0xbdb76b);
        map.put("maroon", 0x85121c);
        return java.util.Collections.unmodifiableMap(map);
    }

    public static String nameOf(Lab colour) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, Lab> entry : LAB.entrySet()) {
            Lab reference = entry.getValue();
            double dl = LIGHTNESS_WEIGHT * (colour.l() - reference.l());
            double da = colour.a() - reference.a();
            double db = colour.b() - reference.b();
            double distance = dl * dl + da * da + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = entry.getKey();
            }
        }
        return best;
    }
}
