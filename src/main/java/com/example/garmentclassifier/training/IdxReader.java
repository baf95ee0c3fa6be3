package com.example.garmentclassifier.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads Fashion-MNIST's gzipped IDX files: checks magic numbers, dimensions and counts, and
 * turns every failure into a {@link DatasetUnavailableException} that names the file.
 */
public class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    static final String INSTALL_HINT = "install the data set with: apt-get install -y dataset-fashion-mnist";

    /** Reads one split from {@code dir}, checking that images and labels agree. */
    public GarmentImages read(Path dir, FashionMnistSplit split) {
        byte[][] images = readImages(dir.resolve(split.imagesFile()));
        int[] labels = readLabels(dir.resolve(split.labelsFile()));
        if (images.length != labels.length) {
            throw new DatasetUnavailableException("Fashion-MNIST files in " + dir + " disagree: "
                    + images.length + " images but " + labels.length + " labels; " + INSTALL_HINT);
        }
        if (images.length == 0) {
            throw corrupt(dir.resolve(split.imagesFile()), "no images");
        }
        return new GarmentImages(images, labels);
    }

    public byte[][] readImages(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows != GarmentImages.SIDE || cols != GarmentImages.SIDE) {
                throw corrupt(file, "unexpected header: " + count + " images of " + rows + "x" + cols);
            }
            byte[][] images = new byte[count][GarmentImages.PIXELS];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    public int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC);
            int count = in.readInt();
            if (count < 0) {
                throw corrupt(file, "negative label count " + count);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int label = in.readUnsignedByte();
                if (label > 9) {
                    throw corrupt(file, "label " + label + " at index " + i + " is outside 0-9");
                }
                labels[i] = label;
            }
            return labels;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static void checkMagic(Path file, int actual, int expected) {
        if (actual != expected) {
            throw corrupt(file, String.format("magic number 0x%08x, expected 0x%08x", actual, expected));
        }
    }

    private static DatasetUnavailableException corrupt(Path file, String detail) {
        return new DatasetUnavailableException("Corrupt Fashion-MNIST file " + file + " (" + detail + "); " + INSTALL_HINT);
    }

    private static DatasetUnavailableException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetUnavailableException("Fashion-MNIST file not found: " + file + "; " + INSTALL_HINT, e);
        }
        if (e instanceof EOFException) {
            return new DatasetUnavailableException("Fashion-MNIST file is truncated: " + file + "; " + INSTALL_HINT, e);
        }
        if (e instanceof ZipException) {
            return new DatasetUnavailableException("Fashion-MNIST file is not valid gzip: " + file + "; " + INSTALL_HINT, e);
        }
        return new DatasetUnavailableException("Cannot read Fashion-MNIST file " + file + " (" + e.getMessage() + "); " + INSTALL_HINT, e);
    }
}
