package com.example.garmentclassifier.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.image.ForegroundDetector;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class PatternAnalyzerTest {

    private static final int NAVY = 0x1f2a4f;
    private static final int WHITE = 0xf5f5f3;

    @Test
    void shadedNoisySolidHasFewEdges() {
        Random random = new Random(5);
        PatternAnalyzer.Measurement m = measure((x, y) -> shade(NAVY, 0.8 + 0.4 * x / 300.0 + random.nextGaussian() * 0.03));
        assertThat(m.edgeDensity()).isLessThan(PatternAnalyzer.SOLID_EDGE_DENSITY);
        assertThat(PatternAnalyzer.classify(m).value()).isEqualTo("solid");
    }

    @Test
    void stripesOfEveryAngleAndWidthShareOneOrientation() {
        for (int angle : new int[] {0, 30, 45, 90, 120}) {
            for (int period : new int[] {12, 24, 48}) {
                double t = Math.toRadians(angle);
                PatternAnalyzer.Measurement m = measure((x, y) ->
                        ((x * Math.cos(t) + y * Math.sin(t)) % period + period) % period < period / 2.0 ? NAVY : WHITE);
                assertThat(PatternAnalyzer.classify(m).value()).as(angle + " deg, period " + period + ": " + m)
                        .isEqualTo("striped");
            }
        }
    }

    @Test
    void checksHaveTwoPerpendicularOrientations() {
        for (int period : new int[] {16, 32}) {
            PatternAnalyzer.Measurement m = measure((x, y) -> (x % period < period / 2) ^ (y % period < period / 2) ? NAVY : WHITE);
            assertThat(m.perpendicularShare()).as(m.toString()).isGreaterThan(0.3);
            assertThat(PatternAnalyzer.classify(m).value()).isEqualTo("checked");
        }
    }

    @Test
    void randomDotsArePrinted() {
        Random random = new Random(9);
        int[][] dots = new int[60][];
        for (int i = 0; i < dots.length; i++) {
            dots[i] = new int[] {random.nextInt(300), random.nextInt(300), 6 + random.nextInt(14)};
        }
        PatternAnalyzer.Measurement m = measure((x, y) -> {
            for (int[] d : dots) {
                if (Math.hypot(x - d[0], y - d[1]) < d[2]) {
                    return 0xc62828;
                }
            }
            return WHITE;
        });
        assertThat(PatternAnalyzer.classify(m).value()).as(m.toString()).isEqualTo("printed");
    }

    /** A 300x300 garment filling the middle of a 400x400 grey canvas, coloured by {@code paint}. */
    private static PatternAnalyzer.Measurement measure(IntBinaryOperator paint) {
        int[] argb = new int[400 * 400];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                boolean garment = x >= 50 && x < 350 && y >= 50 && y < 350;
                argb[y * 400 + x] = 0xFF000000 | (garment ? paint.applyAsInt(x - 50, y - 50) : 0xb0b0b0);
            }
        }
        return PatternAnalyzer.measure(GarmentRegion.of(new ForegroundDetector().detect(400, 400, argb)));
    }

    private static int shade(int rgb, double f) {
        int r = (int) Math.max(0, Math.min(255, ((rgb >> 16) & 0xFF) * f));
        int g = (int) Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) * f));
        int b = (int) Math.max(0, Math.min(255, (rgb & 0xFF) * f));
        return (r << 16) | (g << 8) | b;
    }
}
