package com.example.garmentclassifier.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Run once, with the Debian data set installed, to (re)create the committed test fixtures:
 * <ul>
 *   <li>{@code src/test/resources/fashion-mnist/*.png}: the first 4 test images of each class, as 28x28 PNGs,
 *       with {@code fixtures.csv} naming their true labels;</li>
 *   <li>{@code src/test/resources/fashion-mnist-mini/}: the first 1,200 training and 300 test images as IDX files,
 *       for training tests on machines without the data set.</li>
 * </ul>
 * {@code mvn test-compile exec:java -Dexec.classpathScope=test
 *  -Dexec.mainClass=com.example.garmentclassifier.training.FixtureGenerator}
 */
public final class FixtureGenerator {

    static final int PER_CLASS = 4;

    private FixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Path resources = Path.of("src/test/resources");
        IdxReader reader = new IdxReader();
        GarmentImages test = reader.read(dataset, FashionMnistSplit.TEST);
        GarmentImages train = reader.read(dataset, FashionMnistSplit.TRAIN);

        Path pngDir = resources.resolve("fashion-mnist");
        Files.createDirectories(pngDir);
        int[] taken = new int[10];
        List<String> manifest = new ArrayList<>();
        manifest.add("file,testIndex,classIndex,label");
        for (int i = 0; i < test.size(); i++) {
            int label = test.labels()[i];
            if (taken[label] == PER_CLASS) {
                continue;
            }
            taken[label]++;
            String name = String.format("test-%05d.png", i);
            ImageIO.write(toImage(test.pixels()[i]), "png", pngDir.resolve(name).toFile());
            manifest.add(name + "," + i + "," + label + "," + FashionMnistLabels.LABELS.get(label));
        }
        Files.write(pngDir.resolve("fixtures.csv"), manifest);

        Path mini = resources.resolve("fashion-mnist-mini");
        IdxWriter.write(mini, FashionMnistSplit.TRAIN, train.first(1200));
        IdxWriter.write(mini, FashionMnistSplit.TEST, test.first(300));
        System.out.println("Wrote " + (manifest.size() - 1) + " PNG fixtures and a mini data set under " + resources);
    }

    static BufferedImage toImage(byte[] pixels) {
        BufferedImage image = new BufferedImage(GarmentImages.SIDE, GarmentImages.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, GarmentImages.SIDE, GarmentImages.SIDE, pixels);
        return image;
    }
}
