package com.example.garmentclassifier.training;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes gzipped IDX files, for test data sets. */
public final class IdxWriter {

    private IdxWriter() {
    }

    public static void write(Path dir, FashionMnistSplit split, GarmentImages images) throws IOException {
        Files.createDirectories(dir);
        writeImages(dir.resolve(split.imagesFile()), images.pixels());
        writeLabels(dir.resolve(split.labelsFile()), images.labels());
    }

    public static void writeImages(Path file, byte[][] images) throws IOException {
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.length);
            out.writeInt(GarmentImages.SIDE);
            out.writeInt(GarmentImages.SIDE);
            for (byte[] image : images) {
                out.write(image);
            }
        }
    }

    public static void writeLabels(Path file, int[] labels) throws IOException {
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }
}
