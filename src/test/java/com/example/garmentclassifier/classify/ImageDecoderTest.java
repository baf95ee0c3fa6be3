package com.example.garmentclassifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

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
        assertRejected(new byte[0], HttpStatus.BAD_REQUEST, "has no content");
        assertRejected("just some text".getBytes(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not a PNG, JPEG, GIF or BMP");
        byte[] png = TestImages.encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        assertRejected(Arrays.copyOf(png, 20), HttpStatus.BAD_REQUEST, "cannot be decoded");
    }

    @Test
    void refusesImagesWithTooManyPixelsBeforeDecodingThem() {
        byte[] big = TestImages.encode(new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertRejected(big, HttpStatus.CONTENT_TOO_LARGE, "2000x1000 pixels");
    }

    private void assertRejected(byte[] data, HttpStatus status, String message) {
        assertThatThrownBy(() -> decoder.decode("upload", data))
                .isInstanceOfSatisfying(RejectedUploadException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(message)
                .hasMessageContaining("'upload'");
    }
}
