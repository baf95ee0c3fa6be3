package com.example.garmentclassifier.image;

import com.example.garmentclassifier.classify.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(1_000_000);

    @Test
    void decodesAllFourFormats() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            BufferedImage decoded = decoder.decode("x." + format, TestImages.encode(image, format));
            assertThat(decoded.getWidth()).as(format).isEqualTo(40);
            assertThat(decoded.getHeight()).as(format).isEqualTo(30);
        }
    }

    @Test
    void rejectsEmptyUnknownAndCorruptUploads() {
        assertRejected(new byte[0], RejectedUploadException.Kind.INVALID, "has no content");
        assertRejected("just some text".getBytes(), RejectedUploadException.Kind.UNSUPPORTED_TYPE, "not a PNG, JPEG, GIF or BMP");
        byte[] png = TestImages.encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        assertRejected(Arrays.copyOf(png, 20), RejectedUploadException.Kind.INVALID, "cannot be decoded");
    }

    @Test
    void refusesImagesWithTooManyPixelsBeforeDecodingThem() {
        byte[] big = TestImages.encode(new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertRejected(big, RejectedUploadException.Kind.TOO_LARGE, "2000x1000 pixels");
    }

    @Test
    void decodesLargeUploadsStraightToWorkingResolution() {
        // 2500 px needs a factor of 3 to fit 1024: every third pixel from the second, 833 x 100.
        BufferedImage decoded = decoder.decode("wide.png",
                TestImages.encode(new BufferedImage(2500, 300, BufferedImage.TYPE_INT_RGB), "png"));
        assertThat(decoded.getWidth()).isEqualTo(833);
        assertThat(decoded.getHeight()).isEqualTo(100);
    }

    @Test
    void decodesThinLargeUploadsWithoutLosingTheirShortSide() {
        // Subsampling by 3 from an offset must still leave the 2 px side a column to keep.
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            BufferedImage decoded = decoder.decode("thin." + format,
                    TestImages.encode(new BufferedImage(2, 3000, BufferedImage.TYPE_INT_RGB), format));
            assertThat(decoded.getWidth()).as(format).isEqualTo(1);
            assertThat(decoded.getHeight()).as(format).isEqualTo(1000);
        }
    }

    private void assertRejected(byte[] data, RejectedUploadException.Kind kind, String message) {
        assertThatThrownBy(() -> decoder.decode("upload", data))
                .isInstanceOfSatisfying(RejectedUploadException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message)
                .hasMessageContaining("'upload'");
    }
}
