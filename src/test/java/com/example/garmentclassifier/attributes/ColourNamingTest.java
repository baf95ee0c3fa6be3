package com.example.garmentclassifier.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColourNamingTest {

    @Test
    void everyPaletteReferenceNamesItself() {
        CataloguePalette.REFERENCES.forEach((name, rgb) ->
                assertThat(CataloguePalette.nameOf(Lab.fromRgb(rgb))).as(name).isEqualTo(name));
    }

    @Test
    void nearColoursTakeTheReferenceName() {
        Random random = new Random(1);
        CataloguePalette.REFERENCES.forEach((name, rgb) -> {
            for (int i = 0; i < 20; i++) {
                int near = jitter(rgb, random, 10);
                assertThat(CataloguePalette.nameOf(Lab.fromRgb(near))).as(name + " ~ " + Integer.toHexString(near))
                        .isEqualTo(name);
            }
        });
    }

    @Test
    void commonGarmentColoursOutsideTheBasicHuesGetTheirOwnNames() {
        // Colours as catalogue teams and the usual web colour tables give them, not the palette's references.
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xadd8e6))).as("light blue").isEqualTo("light blue");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x87ceeb))).as("sky blue").isEqualTo("light blue");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x008080))).as("teal").isEqualTo("teal");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x808000))).as("olive").isEqualTo("olive");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xbdb76b))).as("dark khaki").isEqualTo("khaki");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xc3b091))).as("the web's pale khaki").isEqualTo("beige");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xfffdd0))).as("cream, not named apart").isIn("white", "beige");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x800000))).as("maroon").isEqualTo("maroon");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x800020))).as("burgundy").isEqualTo("maroon");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xffdb58))).as("mustard, not named apart").isEqualTo("yellow");
        // ...and the basic ones keep theirs.
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0x1f2a44))).isEqualTo("navy");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xffffff))).isEqualTo("white");
        assertThat(CataloguePalette.nameOf(Lab.fromRgb(0xd9c7a5))).isEqualTo("beige");
    }

    @Test
    void shadingKeepsTheHueName() {
        // 15 % darker and 10 % lighter navy, red and green are still navy, red and green.
        for (String name : List.of("navy", "red", "green", "blue", "yellow", "beige", "maroon", "khaki")) {
            int rgb = CataloguePalette.REFERENCES.get(name);
            assertThat(CataloguePalette.nameOf(Lab.fromRgb(scale(rgb, 0.85)))).isEqualTo(name);
            assertThat(CataloguePalette.nameOf(Lab.fromRgb(scale(rgb, 1.1)))).isEqualTo(name);
        }
    }

    @Test
    void labRoundTripsThroughRgb() {
        for (int rgb : new int[] {0x000000, 0xffffff, 0x1f2a44, 0xc62828, 0x808080}) {
            assertThat(Lab.fromRgb(rgb).toRgb()).isEqualTo(rgb);
        }
    }

    @Test
    void clusteringIsDeterministicAndFindsTwoColoursInATwoColourSample() {
        List<Lab> points = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            int rgb = i % 4 == 0 ? 0xf5f5f3 : 0x1f2a4f;
            points.add(Lab.fromRgb(jitter(rgb, random, 6)));
        }
        List<ColourClusterer.Cluster> first = ColourClusterer.cluster(ColourClusterer.sample(points), 5);
        List<ColourClusterer.Cluster> second = ColourClusterer.cluster(ColourClusterer.sample(points), 5);
        assertThat(first).isEqualTo(second);
        assertThat(ColourClusterer.sample(points)).hasSize(ColourClusterer.MAX_SAMPLE);
        assertThat(first.stream().map(c -> CataloguePalette.nameOf(c.centre())).distinct())
                .containsExactlyInAnyOrder("navy", "white");
    }

    @Test
    void titleNamesColourPatternAndLabelButNotSolid() {
        ColourShare navy = new ColourShare("navy", "#1f2a44", 0.81);
        assertThat(TitleComposer.title("T-shirt/top", new GarmentAttributes(navy, List.of(navy),
                new PatternScore("striped", 0.87), null))).isEqualTo("Navy striped T-shirt/top");
        assertThat(TitleComposer.title("Dress", new GarmentAttributes(navy, List.of(navy),
                new PatternScore("solid", 0.95), null))).isEqualTo("Navy Dress");
        assertThat(TitleComposer.title("Bag", null)).isEqualTo("Bag");
    }

    private static int jitter(int rgb, Random random, int amount) {
        int r = clamp(((rgb >> 16) & 0xFF) + random.nextInt(2 * amount + 1) - amount);
        int g = clamp(((rgb >> 8) & 0xFF) + random.nextInt(2 * amount + 1) - amount);
        int b = clamp((rgb & 0xFF) + random.nextInt(2 * amount + 1) - amount);
        return (r << 16) | (g << 8) | b;
    }

    private static int scale(int rgb, double f) {
        return (clamp(((rgb >> 16) & 0xFF) * f) << 16) | (clamp(((rgb >> 8) & 0xFF) * f) << 8) | clamp((rgb & 0xFF) * f);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
