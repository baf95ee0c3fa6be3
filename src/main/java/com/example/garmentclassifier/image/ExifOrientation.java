package com.example.garmentclassifier.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ImagingOpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A JPEG's EXIF orientation (TIFF tag 274): phones store the sensor's pixels as they came and
 * record how to turn them upright. Readers return the stored pixels, so without this a portrait
 * photo reaches the model lying on its side.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int EXIF_IDENTIFIER_LENGTH = 6;

    private ExifOrientation() {
    }

    /** The orientation tag, 1 to 8; {@link #UPRIGHT} when absent or unreadable (the image is then taken as stored). */
    static int of(byte[] jpeg) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            InputStream data = exif.get(0).segmentData();
            // The segment's data starts with its identifier, "Exif" and two zero bytes; the TIFF header follows.
            data.skipNBytes(EXIF_IDENTIFIER_LENGTH);
            Directory directory = new TIFFReader().read(new MemoryCacheImageInputStream(data));
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry == null || !(entry.getValue() instanceof Number value)) {
                return UPRIGHT;
            }
            int orientation = value.intValue();
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (IOException | RuntimeException malformedMetadata) {
            // A broken EXIF block is common and harmless: the pixels decode without it.
            return UPRIGHT;
        }
    }

    /**
     * The image turned upright: mirrored and/or rotated by quarter turns as the tag says (exact, no
     * resampling). Quarter turns, not rotate(PI / 2), so no rounding error shifts the pixel grid.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }                     // mirrored left-right
            case 3 -> { t.translate(w, h); t.quadrantRotate(2); }                // upside down
            case 4 -> { t.translate(0, h); t.scale(1, -1); }                     // mirrored top-bottom
            case 5 -> { t.quadrantRotate(1); t.scale(1, -1); }                   // transposed
            case 6 -> { t.translate(h, 0); t.quadrantRotate(1); }                // stored a quarter turn anticlockwise
            case 7 -> { t.translate(h, w); t.quadrantRotate(1); t.scale(-1, 1); } // transverse
            case 8 -> { t.translate(0, w); t.quadrantRotate(-1); }               // stored a quarter turn clockwise
            default -> {
                return image;
            }
        }
        try {
            return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
        } catch (ImagingOpException | IllegalArgumentException unusualLayout) {
            // A pixel layout Java 2D cannot transform: classify it as stored rather than refuse it.
            return image;
        }
    }
}
