package com.example.garmentclassifier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an upload after checking its format by content and its pixel count from the header,
 * so a small file that claims huge dimensions is refused before any pixels are allocated.
 */
public class ImageDecoder {

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public BufferedImage decode(String file, byte[] data) {
        if (data == null || data.length == 0) {
            throw RejectedUploadException.empty(file);
        }
        ImageFormat format = ImageFormat.sniff(data).orElseThrow(() -> RejectedUploadException.unsupported(file));
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
            if (!readers.hasNext()) {
                throw RejectedUploadException.unsupported(file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw RejectedUploadException.undecodable(file, format);
                }
                if (width * height > maxPixels) {
                    throw RejectedUploadException.tooManyPixels(file, width, height, maxPixels);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw RejectedUploadException.undecodable(file, format);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException invalid) {
                throw invalid;
            }
            // ImageIO throws assorted runtime exceptions on malformed input; none of them is the caller's business.
            throw RejectedUploadException.undecodable(file, format);
        }
    }
}
