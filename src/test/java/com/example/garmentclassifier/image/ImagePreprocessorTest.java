package com.example.garmentclassifier.image;

import com.example.garmentclassifier.classify.TestImages;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    private final ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
    private final List<TestImages.Fixture> fixtures = TestImages.fixtures();

    @Test
    void originalFashionMnistImageIsReproducedClosely() {
        for (TestImages.Fixture f : fixtures) {
            float[] input = preprocessor.prepare(TestImages.photo(f.pixels(), 1, Color.WHITE, Color.BLACK,
                    28, 28, 0, 0, false)).modelInput();
            assertThat(TestImages.alignedCorrelation(input, TestImages.normalised(f.pixels())))
                    .as(f.file()).isGreaterThan(0.8);
        }
    }

    @Test
    void aDataSetImageUploadedAsPngReachesTheModelUnchanged() {
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        for (TestImages.Fixture f : fixtures) {
            float[] input = preprocessor.prepare(decoder.decode(f.file(), TestImages.fixtureBytes(f.file())))
                    .modelInput();
            float[] tensor = TestImages.normalised(f.pixels());
            float max = 0;
            for (float v : tensor) {
                max = Math.max(max, v);
            }
            for (int i = 0; i < tensor.length; i++) {
                // Only the contrast stretch applies, and the data set's images already reach (nearly) white.
                assertThat(input[i]).as("%s pixel %d", f.file(), i).isCloseTo(tensor[i] / max,
                        org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void darkGarmentPhotographedOffCentreOnWhiteBecomesLightOnBlackAndCentred() {
        for (TestImages.Fixture f : fixtures) {
            BufferedImage photo = TestImages.photo(f.pixels(), 9, new Color(20, 30, 60), Color.WHITE,
                    600, 420, 310, 150, false);
            PreparedImage prepared = preprocessor.prepare(photo);
            assertThat(prepared.foreground().lightBackground()).isTrue();
            assertThat(prepared.foreground().separated()).isTrue();
            assertThat(TestImages.alignedCorrelation(prepared.modelInput(), TestImages.normalised(f.pixels())))
                    .as(f.file()).isGreaterThan(0.85);
        }
    }

    @Test
    void transparentCutOutIsTreatedAsOnWhite() {
        TestImages.Fixture f = fixtures.get(0);
        BufferedImage cutOut = TestImages.photo(f.pixels(), 5, new Color(180, 20, 20), null, 200, 200, 30, 40, false);
        PreparedImage prepared = preprocessor.prepare(cutOut);
        assertThat(prepared.foreground().background()).isEqualTo(0xFFFFFF);
        assertThat(TestImages.alignedCorrelation(prepared.modelInput(), TestImages.normalised(f.pixels()))).isGreaterThan(0.85);
    }

    @Test
    void longestSideIsScaledTo28AndShortSideCentred() {
        // A wide dark bar on white: 300 x 100 becomes 28 x 9, centred vertically.
        BufferedImage image = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 500; x++) {
                boolean bar = x >= 50 && x < 350 && y >= 200 && y < 300;
                image.setRGB(x, y, bar ? 0x000000 : 0xFFFFFF);
            }
        }
        float[] input = preprocessor.prepare(image).modelInput();
        int rowsWithInk = 0;
        for (int y = 0; y < 28; y++) {
            if (input[y * 28 + 14] > 0.5f) {
                rowsWithInk++;
            }
            assertThat(input[y * 28]).as("left column spans the bar's full width").isEqualTo(input[y * 28 + 14]);
        }
        assertThat(rowsWithInk).isBetween(8, 10);
        assertThat(input[14 * 28 + 14]).isGreaterThan(0.9f);
        assertThat(input[0]).isZero();
    }

    @Test
    void flatImageCannotBeSeparatedButStillGivesAnInput() {
        BufferedImage flat = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        PreparedImage prepared = preprocessor.prepare(flat);
        assertThat(prepared.foreground().separated()).isFalse();
        assertThat(prepared.modelInput()).hasSize(28 * 28);
    }

    @Test
    void largeUploadsAreReducedToWorkingResolution() {
        TestImages.Fixture f = fixtures.get(3);
        BufferedImage big = TestImages.photo(f.pixels(), 60, Color.BLACK, Color.WHITE, 2400, 1900, 300, 100, false);
        PreparedImage prepared = preprocessor.prepare(big);
        assertThat(Math.max(prepared.foreground().width(), prepared.foreground().height()))
                .isLessThanOrEqualTo(ImagePreprocessor.WORKING_SIDE);
        assertThat(TestImages.alignedCorrelation(prepared.modelInput(), TestImages.normalised(f.pixels()))).isGreaterThan(0.85);
    }
}
