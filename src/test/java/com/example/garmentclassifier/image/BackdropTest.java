package com.example.garmentclassifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.DrawnGarments;
import com.example.garmentclassifier.classify.DrawnGarments.Drawing;
import com.example.garmentclassifier.classify.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Light backdrops that are not one flat colour (a studio sweep's gradient, a wooden floor seen from
 * above) are background, not garment: the garment found on them is the one found on plain white.
 */
class BackdropTest {

    private static final int W = 600;
    private static final int H = 520;
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());

    @Test
    void gradientAndWoodBackdropsAreBackground() {
        Random random = new Random(5);
        int[][] grain = new int[H][W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                grain[y][x] = (int) Math.round(random.nextGaussian() * 3);
            }
        }
        List<IntBinaryOperator> backdrops = List.of(
                // A sweep: light grey at the top, darker towards the floor.
                (x, y) -> grey(238 - 45 * y / H),
                // A pale wooden surface from above: warm colour, fine grain, streaks. (Boards of clearly different
                // shades are not handled yet: a board 3 sigma darker than the rest is read as garment.)
                (x, y) -> {
                    int shade = grain[y][x] + (int) Math.round(6 * Math.sin(x / 23.0 + y / 7.0));
                    return rgb(222 + shade, 196 + shade, 160 + shade);
                });
        for (Drawing drawing : List.of(DrawnGarments.TROUSERS, DrawnGarments.T_SHIRT, DrawnGarments.SNEAKER)) {
            PreparedImage onWhite = preprocessor.prepare(
                    DrawnGarments.render(drawing, new Color(30, 40, 90), Color.WHITE, W, H, 100, 60, false));
            for (int b = 0; b < backdrops.size(); b++) {
                BufferedImage photo = DrawnGarments.render(drawing, new Color(30, 40, 90), Color.WHITE, W, H, 100, 60,
                        false);
                paintBackdrop(photo, backdrops.get(b));
                PreparedImage prepared = preprocessor.prepare(photo);
                Foreground.Box box = prepared.foreground().box();
                Foreground.Box expected = onWhite.foreground().box();
                assertThat(box.width()).as("%s on backdrop %d: width", drawing.name(), b)
                        .isBetween(expected.width() - 6, expected.width() + 6);
                assertThat(box.height()).as("%s on backdrop %d: height", drawing.name(), b)
                        .isBetween(expected.height() - 6, expected.height() + 6);
                assertThat(TestImages.alignedCorrelation(prepared.modelInput(), onWhite.modelInput()))
                        .as("%s on backdrop %d", drawing.name(), b).isGreaterThan(0.9);
            }
        }
    }

    /** Replaces the white of the rendering with the backdrop, keeping the garment (and its anti-aliased edge). */
    private static void paintBackdrop(BufferedImage photo, IntBinaryOperator backdrop) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = photo.getRGB(x, y);
                double whiteness = (p & 0xFF) / 255.0 > 0.999 ? 1 : ((p & 0xFF) - 90) / 165.0;
                double t = Math.max(0, Math.min(1, whiteness));
                int bg = backdrop.applyAsInt(x, y);
                int r = (int) Math.round(((bg >> 16) & 0xFF) * t + 30 * (1 - t));
                int g = (int) Math.round(((bg >> 8) & 0xFF) * t + 40 * (1 - t));
                int bl = (int) Math.round((bg & 0xFF) * t + 90 * (1 - t));
                photo.setRGB(x, y, rgb(r, g, bl));
            }
        }
    }

    private static int grey(int v) {
        return rgb(v, v, v);
    }

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
