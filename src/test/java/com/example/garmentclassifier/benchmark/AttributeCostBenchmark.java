package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.classify.DrawnGarments;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.image.PreparedImage;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.model.LoadedModel;
import com.example.garmentclassifier.model.ModelStore;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cost per image of each step of /classify, in-process, on the committed model: decoding,
 * preprocessing, attribute extraction (28x28 PNG and a ~600 px JPEG) and the forward pass at
 * batch 64 and batch 1. Run when the machine is otherwise idle:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.example.garmentclassifier.benchmark.AttributeCostBenchmark
 * </pre>
 */
public final class AttributeCostBenchmark {

    private static final int ROUNDS = 300;

    private AttributeCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        AttributeExtractor extractor = new AttributeExtractor();
        byte[] small = TestImages.fixtureBytes("test-00001.png");
        byte[] photo = TestImages.encode(DrawnGarments.render(DrawnGarments.T_SHIRT, new Color(31, 42, 79), Color.WHITE,
                640, 560, 120, 80, false), "jpeg");
        for (var input : new Object[][] {{"28x28 PNG", small}, {"640x560 JPEG", photo}}) {
            byte[] data = (byte[]) input[1];
            PreparedImage prepared = preprocessor.prepare(decoder.decode("x", data));
            for (int i = 0; i < 50; i++) {
                extractor.extract(preprocessor.prepare(decoder.decode("x", data)).foreground());
            }
            double decode = time(() -> decoder.decode("x", data));
            double prepare = time(() -> preprocessor.prepare(decoder.decode("x", data))) - decode;
            double attributes = time(() -> extractor.extract(prepared.foreground()));
            System.out.printf("%-13s decode %.3f ms, preprocess %.3f ms, attributes %.3f ms per image%n",
                    input[0], decode, prepare, attributes);
        }
        Path store = Path.of(args.length > 0 ? args[0] : "model-store");
        ModelStore models = new ModelStore(store, JsonMapper.builder().build());
        LoadedModel model = models.load(Files.readString(store.resolve("active-version")).trim());
        for (int batch : new int[] {64, 1}) {
            INDArray features = Nd4j.rand(batch, 28, 28, 1);
            for (int i = 0; i < 20; i++) {
                model.predict(features);
            }
            int rounds = batch == 1 ? ROUNDS : ROUNDS / 10;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                model.predict(features);
            }
            double perImage = (System.nanoTime() - start) / 1e6 / rounds / batch;
            System.out.printf("forward pass  batch %d: %.3f ms per image%n", batch, perImage);
        }
    }

    private static double time(Runnable step) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            step.run();
        }
        return (System.nanoTime() - start) / 1e6 / ROUNDS;
    }
}
