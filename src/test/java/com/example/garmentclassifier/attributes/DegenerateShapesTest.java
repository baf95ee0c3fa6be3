package com.example.garmentclassifier.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Attribute extraction answers, and never throws, for any image that decodes, however thin or small. */
class DegenerateShapesTest {

    private static final Color NAVY = new Color(31, 42, 79);

    private final ImageDecoder decoder = new ImageDecoder(40_000_000);
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
    private final AttributeExtractor extractor = new AttributeExtractor();

    @Test
    void thinUploadsWhoseGarmentTouchesAnEdgeGiveNoAttributesAndSayWhy() {
        // Each garment bar is thinner than the attribute grid's cell and reaches the image's edge.
        assertTooThin(upload(5000, 10, 1000, 3, 3000, 7));
        assertTooThin(upload(10, 5000, 3, 1000, 7, 3000));
        assertTooThin(upload(1000, 8, 100, 5, 800, 3));
    }

    @Test
    void everyShapeFromOnePixelToLargeGivesAttributesOrAReason() {
        int[] sides = {1, 2, 3, 4, 7, 12, 40, 300, 1100};
        for (int width : sides) {
            for (int height : sides) {
                // A garment in the lower right corner, touching two edges, and one floating in the middle.
                for (boolean corner : new boolean[] {true, false}) {
                    int x = corner ? width / 3 : width / 4;
                    int y = corner ? height / 3 : height / 4;
                    int w = corner ? width - x : Math.max(1, width / 2);
                    int h = corner ? height - y : Math.max(1, height / 2);
                    BufferedImage image = image(width, height, x, y, w, h);
                    AttributeExtractor.Outcome outcome = extractor.extract(preprocessor.prepare(image).foreground());
                    assertThat(outcome.attributes() == null).as("%dx%d: %s", width, height, outcome)
                            .isEqualTo(outcome.reason() != null);
                }
            }
        }
    }

    private void assertTooThin(byte[] upload) {
        AttributeExtractor.Outcome outcome = extractor.extract(preprocessor.prepare(decoder.decode("thin.png", upload))
                .foreground());
        assertThat(outcome.attributes()).isNull();
        assertThat(outcome.reason()).isEqualTo(AttributeExtractor.TOO_THIN);
    }

    private static byte[] upload(int width, int height, int x, int y, int w, int h) {
        return TestImages.encode(image(width, height, x, y, w, h), "png");
    }

    /** A navy rectangle on white. */
    private static BufferedImage image(int width, int height, int x, int y, int w, int h) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(NAVY);
        g.fillRect(x, y, w, h);
        g.dispose();
        return image;
    }
}
