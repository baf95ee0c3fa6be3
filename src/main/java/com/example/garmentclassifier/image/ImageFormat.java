package com.example.garmentclassifier.image;

import java.util.Optional;

/** Image formats /classify accepts, recognised by their leading bytes rather than by name or header. */
public enum ImageFormat {
    PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), BMP("image/bmp");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> sniff(byte[] data) {
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(data, 'B', 'M') && data.length >= 26) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
