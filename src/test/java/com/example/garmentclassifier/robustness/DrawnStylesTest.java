package com.example.garmentclassifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.DrawnGarments;
import com.example.garmentclassifier.classify.DrawnGarments.Drawing;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.training.FashionMnistLabels;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garments drawn here, not taken from the data set, in the styles sellers' images come in (flat
 * colour, outline only, shaded) on white, on transparency and on a light textured surface: the
 * committed model's accuracy per style and background, through the upload path.
 */
class DrawnStylesTest {

    private static final int W = 560;
    private static final int H = 500;
    private static final Color NAVY = new Color(30, 45, 90);
    private static final List<Drawing> DRAWINGS = List.of(DrawnGarments.TROUSERS, DrawnGarments.T_SHIRT,
            DrawnGarments.DRESS, DrawnGarments.BAG, DrawnGarments.SNEAKER, DrawnGarments.ANKLE_BOOT);

    private enum Style { FLAT, SHADED, OUTLINE }

    private enum Backdrop { WHITE, TRANSPARENT, LIGHT_TEXTURE }

    @Test
    void drawnGarmentsInEveryStyleAndOnEveryBackdrop() {
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        List<float[]> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Style style : Style.values()) {
            for (Backdrop backdrop : Backdrop.values()) {
                for (Drawing drawing : DRAWINGS) {
                    byte[] png = TestImages.encode(draw(drawing, style, backdrop), "png");
                    inputs.add(preprocessor.prepare(decoder.decode(drawing.name(), png)).modelInput());
                    names.add(style + "|" + backdrop + "|" + drawing.label());
                }
            }
        }
        TestStore store = TestStore.at(Path.of("model-store"));
        float[][] probabilities;
        try (StoredNetworks networks = store.archive().loadNetworks(store.active().current().orElseThrow())) {
            probabilities = new ModelEvaluator().withServedEngine(networks.members(),
                    served -> served.predict(inputs.toArray(float[][]::new)));
        }
        Map<String, int[]> byCell = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).split("\\|");
            String predicted = FashionMnistLabels.LABELS.get(Probabilities.mostLikely(probabilities[i]));
            int[] cell = byCell.computeIfAbsent(parts[0] + "|" + parts[1], k -> new int[2]);
            cell[1]++;
            if (predicted.equals(parts[2])) {
                cell[0]++;
            } else {
                wrong.add(names.get(i) + " -> " + predicted);
            }
        }
        StringBuilder table = new StringBuilder("| style | white | transparent | light texture |\n|---|--:|--:|--:|\n");
        for (Style style : Style.values()) {
            table.append("| ").append(style.name().toLowerCase(Locale.ROOT));
            for (Backdrop backdrop : Backdrop.values()) {
                int[] cell = byCell.get(style + "|" + backdrop);
                table.append(" | ").append(cell[0]).append(" / ").append(cell[1]);
            }
            table.append(" |\n");
        }
        System.out.println("Drawn garments, correct of drawn:\n" + table + "Wrong: " + wrong);

        for (Backdrop backdrop : Backdrop.values()) {
            assertThat(byCell.get(Style.FLAT + "|" + backdrop)[0]).as("flat colour on " + backdrop + ": " + wrong)
                    .isEqualTo(DRAWINGS.size());
            assertThat(byCell.get(Style.SHADED + "|" + backdrop)[0]).as("shaded on " + backdrop + ": " + wrong)
                    .isGreaterThanOrEqualTo(DRAWINGS.size() - 1);
            // Outlines are filled in before the model sees them (they were 3 of 6 before that).
            assertThat(byCell.get(Style.OUTLINE + "|" + backdrop)[0]).as("outline on " + backdrop + ": " + wrong)
                    .isGreaterThanOrEqualTo(DRAWINGS.size() - 1);
        }
    }

    private static BufferedImage draw(Drawing drawing, Style style, Backdrop backdrop) {
        BufferedImage shape = DrawnGarments.render(drawing, Color.BLACK, Color.WHITE, W, H, 80, 50, false);
        boolean[] mask = new boolean[W * H];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (shape.getRGB(i % W, i / W) & 0xFF) < 128;
        }
        Random grain = new Random(11);
        BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int garment = switch (style) {
                    case FLAT -> mask[y * W + x] ? NAVY.getRGB() : 0;
                    case OUTLINE -> edge(mask, x, y, 4) ? NAVY.getRGB() : 0;
                    case SHADED -> mask[y * W + x] ? shade(x, y) : 0;
                };
                out.setRGB(x, y, garment != 0 ? garment : background(backdrop, x, y, grain));
            }
        }
        return out;
    }

    /** Navy lit from the left, with soft vertical folds. */
    private static int shade(int x, int y) {
        double light = 0.55 + 0.35 * (1 - x / (double) W) + 0.1 * Math.sin(x / 17.0);
        return 0xFF000000 | (int) (NAVY.getRed() * light + 20) << 16 | (int) (NAVY.getGreen() * light + 20) << 8
                | (int) Math.min(255, NAVY.getBlue() * light + 30);
    }

    private static int background(Backdrop backdrop, int x, int y, Random grain) {
        return switch (backdrop) {
            case WHITE -> 0xFFFFFFFF;
            case TRANSPARENT -> 0x00FFFFFF;
            case LIGHT_TEXTURE -> {
                int v = (int) Math.round(grain.nextGaussian() * 3 + 5 * Math.sin(x / 19.0 + y / 9.0));
                yield 0xFF000000 | (228 + v) << 16 | (221 + v) << 8 | (208 + v);
            }
        };
    }

    /** A mask pixel within {@code width} pixels of a non-mask pixel. */
    private static boolean edge(boolean[] mask, int x, int y, int width) {
        return mask[y * W + x] && UploadTransform.nearBackground(mask, W, H, x, y, width);
    }
}
