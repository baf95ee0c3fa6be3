package com.example.garmentclassifier.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.classify.TestImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Colour and pattern accuracy on the synthetic ground-truth set, through the same decoding and
 * foreground detection as /classify. Prints the numbers docs/api.md reports.
 */
@IntegrationTest
class AttributeAccuracyTest {

    @Test
    void meetsTheColourAndPatternTargets() {
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        AttributeExtractor extractor = new AttributeExtractor();
        List<SyntheticGarments.Sample> samples = SyntheticGarments.all();
        int[][] confusion = new int[4][4];
        int colourCorrect = 0;
        List<String> colourMisses = new ArrayList<>();
        for (SyntheticGarments.Sample sample : samples) {
            byte[] upload = TestImages.encode(sample.image(), sample.format());
            AttributeExtractor.Outcome outcome = extractor.extract(
                    preprocessor.prepare(decoder.decode(sample.description(), upload)).foreground());
            assertThat(outcome.attributes()).as(sample.description()).isNotNull();
            String colour = outcome.attributes().colour().name();
            if (colour.equals(sample.colour())) {
                colourCorrect++;
            } else {
                colourMisses.add(sample.description() + " -> " + colour);
            }
            confusion[SyntheticGarments.PATTERNS.indexOf(sample.pattern())]
                    [SyntheticGarments.PATTERNS.indexOf(outcome.attributes().pattern().value())]++;
        }
        int patternCorrect = 0;
        for (int i = 0; i < 4; i++) {
            patternCorrect += confusion[i][i];
        }
        double colourAccuracy = colourCorrect / (double) samples.size();
        double patternAccuracy = patternCorrect / (double) samples.size();
        System.out.printf("Attributes on %d synthetic garments: colour %.1f %%, pattern %.1f %%%n",
                samples.size(), 100 * colourAccuracy, 100 * patternAccuracy);
        System.out.println("Pattern confusion (rows = truth, columns = predicted; solid, striped, checked, printed):");
        for (int i = 0; i < 4; i++) {
            System.out.printf("  %-8s %s%n", SyntheticGarments.PATTERNS.get(i), java.util.Arrays.toString(confusion[i]));
        }
        colourMisses.forEach(m -> System.out.println("  colour miss: " + m));

        assertThat(colourAccuracy).as("colour accuracy, misses: %s", colourMisses).isGreaterThanOrEqualTo(0.95);
        assertThat(patternAccuracy).as("pattern accuracy").isGreaterThanOrEqualTo(0.85);
    }
}
