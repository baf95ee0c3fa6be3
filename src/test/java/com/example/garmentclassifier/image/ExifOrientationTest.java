package com.example.garmentclassifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import java.awt.image.BufferedImage;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of the eight EXIF orientations: a picture stored as a camera would store it for that tag
 * (built here from the tag's definition, pixel by pixel) comes back exactly upright.
 */
class ExifOrientationTest {

    private static final int W = 6;
    private static final int H = 4;

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void storedPixelsAreTurnedUpright(int orientation) {
        BufferedImage upright = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                upright.setRGB(x, y, colour(x, y));
            }
        }
        BufferedImage stored = stored(orientation);

        BufferedImage turned = ExifOrientation.apply(stored, orientation);

        assertThat(turned.getWidth()).isEqualTo(W);
        assertThat(turned.getHeight()).isEqualTo(H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(turned.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(colour(x, y));
            }
        }
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 3, 6, 8})
    void theTagIsReadFromAJpegAndAbsentOrBrokenMeansUpright(int orientation) {
        byte[] jpeg = TestImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        assertThat(ExifOrientation.of(TestImages.withExifOrientation(jpeg, orientation))).isEqualTo(orientation);
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(ExifOrientation.UPRIGHT);
        byte[] broken = TestImages.withExifOrientation(jpeg, orientation);
        broken[12] = 'X'; // the TIFF byte-order mark
        assertThat(ExifOrientation.of(broken)).isEqualTo(ExifOrientation.UPRIGHT);
    }

    /**
     * What a camera stores for this tag, from the tag's definition (e.g. 6: "the 0th row is the visual
     * right-hand side, the 0th column the visual top"): stored(x, y) = upright(source(x, y)).
     */
    private static BufferedImage stored(int orientation) {
        boolean sideways = orientation >= 5;
        int sw = sideways ? H : W;
        int sh = sideways ? W : H;
        IntBinaryOperator sourceX;
        IntBinaryOperator sourceY;
        switch (orientation) {
            case 1 -> { sourceX = (x, y) -> x; sourceY = (x, y) -> y; }
            case 2 -> { sourceX = (x, y) -> W - 1 - x; sourceY = (x, y) -> y; }
            case 3 -> { sourceX = (x, y) -> W - 1 - x; sourceY = (x, y) -> H - 1 - y; }
            case 4 -> { sourceX = (x, y) -> x; sourceY = (x, y) -> H - 1 - y; }
            case 5 -> { sourceX = (x, y) -> y; sourceY = (x, y) -> x; }
            case 6 -> { sourceX = (x, y) -> W - 1 - y; sourceY = (x, y) -> x; }
            case 7 -> { sourceX = (x, y) -> W - 1 - y; sourceY = (x, y) -> H - 1 - x; }
            default -> { sourceX = (x, y) -> y; sourceY = (x, y) -> H - 1 - x; }
        }
        BufferedImage image = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                image.setRGB(x, y, colour(sourceX.applyAsInt(x, y), sourceY.applyAsInt(x, y)));
            }
        }
        return image;
    }

    private static int colour(int x, int y) {
        return (x * 40) << 16 | (y * 60) << 8 | 0x11;
    }
}
