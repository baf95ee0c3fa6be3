package com.example.garmentclassifier.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Reads whole rows of an image as non-premultiplied sRGB ARGB ints, the values
 * {@link BufferedImage#getRGB(int, int, int, int, int[], int, int)} returns, but without its
 * per-pixel trip through the colour model (about ten times slower on the byte-interleaved images
 * JPEG, PNG and BMP decode to). Such images are read straight from their data buffer; palette
 * images go through a table of their colour model's own answers, built once per image; any other
 * layout falls back to {@code getRGB}.
 *
 * <p>Grey is the exception: ImageIO gives grey PNGs and JPEGs a linear grey colour space, so
 * {@code getRGB} brightens them (sample 128 becomes 188), while the files mean, and every viewer
 * shows, the samples as sRGB grey levels. Grey samples are therefore taken as they are, v to
 * (v, v, v), with their alpha if they have one (see docs/model.md, "No train/serve skew" for what
 * that did to accuracy).
 */
final class ArgbPixels {

    private final BufferedImage image;
    /** ARGB of every sample value for one-band palette or grey images, else null. */
    private final int[] table;
    /** Whether the raster is 8-bit samples interleaved in one byte array that {@link #interleaved} can read. */
    private final boolean interleavedBytes;

    private ArgbPixels(BufferedImage image) {
        this.image = image;
        this.table = table(image.getColorModel(), image.getRaster());
        this.interleavedBytes = image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel
                && image.getRaster().getDataBuffer() instanceof DataBufferByte
                && (table != null || isByteSrgb(image.getColorModel(), image.getRaster()));
    }

    static ArgbPixels of(BufferedImage image) {
        return new ArgbPixels(image);
    }

    /** ARGB of {@code rows} full rows from {@code y}, row-major into {@code out} (which must hold them). */
    int[] rows(int y, int rows, int[] out) {
        int width = image.getWidth();
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            image.getRaster().getDataElements(0, y, width, rows, out);
            if (type == BufferedImage.TYPE_INT_RGB) {
                // The unused top byte is undefined in TYPE_INT_RGB; getRGB reports such pixels as opaque.
                for (int i = 0; i < width * rows; i++) {
                    out[i] = 0xFF000000 | out[i];
                }
            }
        } else if (interleavedBytes) {
            interleaved(y, rows, out);
        } else if (table != null) {
            // Packed palettes (1, 2 or 4 bits a pixel, as GIF and PNG store small palettes): indices, then colours.
            image.getRaster().getSamples(0, y, width, rows, 0, out);
            for (int i = 0; i < width * rows; i++) {
                out[i] = table[out[i]];
            }
        } else if (isGrey(image.getColorModel()) && !image.getColorModel().isAlphaPremultiplied()) {
            grey(y, rows, out);
        } else {
            image.getRGB(0, y, width, rows, out, 0, width);
        }
        return out;
    }

    /** Grey of any depth, with or without alpha (16-bit PNGs, grey with alpha): samples scaled to 8 bits. */
    private void grey(int y, int rows, int[] out) {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int width = image.getWidth();
        int greyShift = model.getComponentSize(0) - 8;
        raster.getSamples(0, y, width, rows, 0, out);
        int[] alpha = model.hasAlpha() ? raster.getSamples(0, y, width, rows, 1, (int[]) null) : null;
        int alphaShift = model.hasAlpha() ? model.getComponentSize(1) - 8 : 0;
        for (int i = 0; i < width * rows; i++) {
            int v = scale(out[i], greyShift);
            int a = alpha == null ? 0xFF : scale(alpha[i], alphaShift);
            out[i] = a << 24 | v << 16 | v << 8 | v;
        }
    }

    private static int scale(int sample, int shift) {
        return shift >= 0 ? sample >>> shift : sample << -shift;
    }

    private static boolean isGrey(ColorModel model) {
        return model instanceof ComponentColorModel && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** Straight from the byte array: one table look-up a pixel, or the R, G, B[, A] samples packed into an int. */
    private void interleaved(int y, int rows, int[] out) {
        Raster raster = image.getRaster();
        PixelInterleavedSampleModel layout = (PixelInterleavedSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int stride = layout.getPixelStride();
        int[] bands = layout.getBandOffsets();
        int width = image.getWidth();
        // A sub-image shares its parent's buffer: the translate and buffer offset locate its first sample.
        int origin = raster.getDataBuffer().getOffset() - raster.getSampleModelTranslateX() * stride;
        for (int row = 0; row < rows; row++) {
            int i = origin + (y + row - raster.getSampleModelTranslateY()) * layout.getScanlineStride();
            int o = row * width;
            if (table != null) {
                for (int x = 0; x < width; x++, i += stride) {
                    out[o + x] = table[data[i + bands[0]] & 0xFF];
                }
            } else if (bands.length == 3) {
                int r = bands[0];
                int g = bands[1];
                int b = bands[2];
                for (int x = 0; x < width; x++, i += stride) {
                    out[o + x] = 0xFF000000 | (data[i + r] & 0xFF) << 16 | (data[i + g] & 0xFF) << 8
                            | (data[i + b] & 0xFF);
                }
            } else {
                int r = bands[0];
                int g = bands[1];
                int b = bands[2];
                int a = bands[3];
                for (int x = 0; x < width; x++, i += stride) {
                    out[o + x] = (data[i + a] & 0xFF) << 24 | (data[i + r] & 0xFF) << 16 | (data[i + g] & 0xFF) << 8
                            | (data[i + b] & 0xFF);
                }
            }
        }
    }

    /** The colour of every possible sample of a palette of up to 8 bits, or of 8-bit grey (not a linear map). */
    private static int[] table(ColorModel model, Raster raster) {
        if (raster.getNumBands() != 1) {
            return null;
        }
        if (model instanceof IndexColorModel palette && model.getPixelSize() <= 8) {
            // All 256 byte values, even for a smaller palette: the colour model answers for each of them too.
            int[] table = new int[256];
            for (int i = 0; i < table.length; i++) {
                table[i] = palette.getRGB(i);
            }
            return table;
        }
        if (isGrey(model) && model.getNumComponents() == 1 && model.getTransferType() == DataBuffer.TYPE_BYTE
                && model.getComponentSize(0) == 8) {
            int[] table = new int[256];
            for (int v = 0; v < 256; v++) {
                table[v] = 0xFF000000 | v << 16 | v << 8 | v;
            }
            return table;
        }
        return null;
    }

    /** 8-bit sRGB, with or without straight alpha: the samples are the ARGB channels unchanged. */
    private static boolean isByteSrgb(ColorModel model, Raster raster) {
        int components = model.getNumComponents();
        if (!(model instanceof ComponentColorModel) || !model.getColorSpace().isCS_sRGB()
                || model.getTransferType() != DataBuffer.TYPE_BYTE || model.isAlphaPremultiplied()
                || raster.getNumBands() != components || !(components == 3 || (components == 4 && model.hasAlpha()))) {
            return false;
        }
        for (int bits : model.getComponentSize()) {
            if (bits != 8) {
                return false;
            }
        }
        return true;
    }
}
