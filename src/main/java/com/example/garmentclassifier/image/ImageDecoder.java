package com.example.garmentclassifier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an upload after checking its format by content and its pixel count from the header,
 * so a small file that claims huge dimensions is refused before any pixels are allocated.
 *
 * <p>Nothing downstream looks at more than {@link ImagePreprocessor#WORKING_SIDE} pixels on the
 * longest side, so a larger upload is decoded straight to that size by keeping every n-th pixel
 * of every n-th row (n the same integer factor the preprocessor would box-average by). The reader
 * then never allocates or colour-converts the full-size image; the returned image is therefore
 * not the upload's size.
 *
 * <p>A JPEG comes back upright: turned as its EXIF orientation says ({@link ExifOrientation}).
 */
public class ImageDecoder {

    private final long maxPixels;
    private final int maxSide;

    public ImageDecoder(long maxPixels) {
        this(maxPixels, ImagePreprocessor.WORKING_SIDE);
    }

    /** @param maxSide longest side to decode to; larger images are subsampled by a whole factor */
    public ImageDecoder(long maxPixels, int maxSide) {
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
    }

    public BufferedImage decode(String file, byte[] data) {
        if (data == null || data.length == 0) {
            throw RejectedUploadException.empty(file);
        }
        ImageFormat format = ImageFormat.sniff(data).orElseThrow(() -> RejectedUploadException.unsupported(file));
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
        if (!readers.hasNext()) {
            throw RejectedUploadException.unsupported(file);
        }
        // Several plugins read most formats (the JDK's, TwelveMonkeys', JAI's), in an order that can vary
        // between runs, and each has its own bugs (TwelveMonkeys' BMP reader fails to subsample a 2 px wide
        // image): an upload is undecodable only when none of them reads it.
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // Not ImageIO.createImageInputStream: with ImageIO's default cache setting it buffers the bytes,
            // already in memory, through a temporary file on every upload.
            try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
                BufferedImage image = read(reader, input, file, format);
                return format == ImageFormat.JPEG ? ExifOrientation.apply(image, ExifOrientation.of(data)) : image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof RejectedUploadException rejected) {
                    throw rejected;
                }
                // ImageIO throws assorted runtime exceptions on malformed input: try the next reader.
            } finally {
                reader.dispose();
            }
        }
        throw RejectedUploadException.undecodable(file, format);
    }

    private BufferedImage read(ImageReader reader, ImageInputStream input, String file, ImageFormat format)
            throws IOException {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw RejectedUploadException.undecodable(file, format);
        }
        if ((long) width * height > maxPixels) {
            throw RejectedUploadException.tooManyPixels(file, width, height, maxPixels);
        }
        BufferedImage image = reader.read(0, subsampling(reader.getDefaultReadParam(), width, height));
        if (image == null) {
            throw new IOException("the reader returned no image");
        }
        return image;
    }

    /**
     * Keeps the pixel nearest each factor x factor block's centre (not its corner), so the reduced
     * image lines up with the box average the preprocessor would otherwise have taken.
     */
    private ImageReadParam subsampling(ImageReadParam param, int width, int height) {
        int factor = ImagePreprocessor.reductionFactor(width, height, maxSide);
        if (factor > 1) {
            // An offset must leave at least one column / row: a 2 x 5000 image has no centre column at 2.
            param.setSourceSubsampling(factor, factor,
                    Math.min(factor / 2, width - 1), Math.min(factor / 2, height - 1));
        }
        return param;
    }
}
