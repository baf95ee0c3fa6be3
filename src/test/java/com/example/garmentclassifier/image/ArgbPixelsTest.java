package com.example.garmentclassifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The fast row reader must give exactly what BufferedImage.getRGB gives, whatever the image's
 * layout, except for grey, where it gives the samples as the grey levels the file means.
 */
class ArgbPixelsTest {

    private static final int WIDTH = 37;
    private static final int HEIGHT = 23;

    @Test
    void matchesGetRgbForEveryBufferedImageType() {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_USHORT_555_RGB,
            BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY,
            BufferedImage.TYPE_BYTE_INDEXED};
        for (int type : types) {
            BufferedImage image = randomImage(type, 1);
            assertSameAsGetRgb(image, "type " + type);
            // A sub-image shares its parent's buffer from an offset.
            assertSameAsGetRgb(image.getSubimage(5, 7, 20, 11), "sub-image of type " + type);
        }
    }

    @Test
    void intRgbPixelsAreOpaqueWhateverTheirUnusedByteHolds() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(2);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt();
        }
        assertSameAsGetRgb(image, "INT_RGB with a non-zero top byte");
    }

    @Test
    void matchesGetRgbForWhatTheDecodersProduce() throws IOException {
        // PNG: RGB, RGBA, grey and palette; GIF: a packed palette; JPEG and BMP: interleaved BGR.
        String[][] cases = {{"png", "5"}, {"png", "6"}, {"png", "10"}, {"png", "13"}, {"gif", "5"}, {"jpeg", "5"},
            {"bmp", "5"}, {"png", "12"}};
        for (String[] c : cases) {
            byte[] encoded = TestImages.encode(randomImage(Integer.parseInt(c[1]), 3), c[0]);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoded));
            assertSameAsGetRgb(decoded, c[0] + " from type " + c[1] + " decoded as type " + decoded.getType());
        }
    }

    @Test
    void greySamplesAreTheGreyLevelsTheFileMeansNotALinearGreyBrightened() throws IOException {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        grey.getRaster().setSample(1, 0, 0, 40);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(TestImages.encode(grey, "png")));
        assertThat(decoded.getRGB(0, 0) & 0xFF).as("what getRGB makes of it").isEqualTo(188);
        assertThat(ArgbPixels.of(decoded).rows(0, 1, new int[2])).containsExactly(0xFF808080, 0xFF282828);
    }

    private static void assertSameAsGetRgb(BufferedImage image, String description) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] expected = expected(image);
        assertThat(ArgbPixels.of(image).rows(0, height, new int[width * height])).as(description).isEqualTo(expected);
        // A strip from the middle, into a larger array (as the box average reuses one).
        int[] strip = ArgbPixels.of(image).rows(3, 4, new int[width * 5]);
        for (int i = 0; i < width * 4; i++) {
            assertThat(strip[i]).as("%s, strip pixel %d", description, i).isEqualTo(expected[3 * width + i]);
        }
    }

    /** getRGB's answer, or for grey the samples scaled to 8 bits as grey levels. */
    private static int[] expected(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_GRAY) {
            return image.getRGB(0, 0, width, height, null, 0, width);
        }
        int bits = image.getColorModel().getComponentSize(0);
        int[] expected = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = image.getRaster().getSample(x, y, 0) >> (bits - 8);
                int a = image.getColorModel().hasAlpha() ? image.getRaster().getSample(x, y, 1)
                        >> (image.getColorModel().getComponentSize(1) - 8) : 0xFF;
                expected[y * width + x] = a << 24 | v << 16 | v << 8 | v;
            }
        }
        return expected;
    }

    private static BufferedImage randomImage(int type, long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
        Random random = new Random(seed);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }
}
