package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private final IdxReader reader = new IdxReader();

    @TempDir
    Path dir;

    @Test
    void readsImagesAndLabelsThatWereWritten() throws IOException {
        byte[][] pixels = {filled(7), filled(200), filled(0)};
        IdxWriter.write(dir, FashionMnistSplit.TEST, new GarmentImages(pixels, new int[] {9, 0, 3}));

        GarmentImages read = reader.read(dir, FashionMnistSplit.TEST);

        assertThat(read.size()).isEqualTo(3);
        assertThat(read.labels()).containsExactly(9, 0, 3);
        assertThat(read.pixels()[1]).isEqualTo(filled(200));
    }

    @Test
    void readsTheCommittedMiniDataSet() {
        Path mini = Path.of("src/test/resources/fashion-mnist-mini");
        GarmentImages train = reader.read(mini, FashionMnistSplit.TRAIN);
        assertThat(train.size()).isEqualTo(1200);
        assertThat(Arrays.stream(train.labels()).distinct().count()).isEqualTo(10);
    }

    @Test
    void missingFileNamesThePathAndTheDebianPackage() {
        assertThatThrownBy(() -> reader.read(dir, FashionMnistSplit.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz").toString())
                .hasMessageContaining("apt-get install -y dataset-fashion-mnist");
    }

    @Test
    void wrongMagicNumberIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("labels.gz");
        writeGz(file, 0x00000803, 1, new byte[] {1});
        assertThatThrownBy(() -> reader.readLabels(file))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("Corrupt")
                .hasMessageContaining("magic number 0x00000803, expected 0x00000801")
                .hasMessageContaining(file.toString());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        Path file = dir.resolve("images.gz");
        // Header promises 2 images of 28x28 but only one follows.
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(2);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[784]);
        }
        assertThatThrownBy(() -> reader.readImages(file))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining(file.toString());
    }

    @Test
    void fileThatIsNotGzipIsReported() throws IOException {
        Path file = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Files.writeString(file, "<html>not a data set</html>");
        assertThatThrownBy(() -> reader.readLabels(file))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("not valid gzip")
                .hasMessageContaining("apt-get install");
    }

    @Test
    void wrongImageSizeAndOutOfRangeLabelsAreRejected() throws IOException {
        Path images = dir.resolve("images.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(1);
            out.writeInt(32);
            out.writeInt(32);
        }
        assertThatThrownBy(() -> reader.readImages(images)).hasMessageContaining("1 images of 32x32");

        Path labels = dir.resolve("labels.gz");
        writeGz(labels, IdxReader.LABELS_MAGIC, 2, new byte[] {3, 12});
        assertThatThrownBy(() -> reader.readLabels(labels)).hasMessageContaining("label 12 at index 1");
    }

    @Test
    void imagesAndLabelsOfDifferentLengthsAreRejected() throws IOException {
        IdxWriter.writeImages(dir.resolve(FashionMnistSplit.TEST.imagesFile()), new byte[][] {filled(1), filled(2)});
        IdxWriter.writeLabels(dir.resolve(FashionMnistSplit.TEST.labelsFile()), new int[] {1});
        assertThatThrownBy(() -> reader.read(dir, FashionMnistSplit.TEST)).hasMessageContaining("2 images but 1 labels");
    }

    private static byte[] filled(int value) {
        byte[] pixels = new byte[784];
        Arrays.fill(pixels, (byte) value);
        return pixels;
    }

    private static void writeGz(Path file, int magic, int count, byte[] body) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(body);
        }
    }
}
