package com.example.garmentclassifier.inference.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ParityCheckTest {

    /** 70 probes: more than one internal batch. Probe i's answer is a fixed function of it. */
    private static final float[][] PROBES = new float[70][];

    static {
        for (int i = 0; i < PROBES.length; i++) {
            PROBES[i] = new float[] {i};
        }
    }

    private final InferenceEngine reference = engine("reference", ParityCheckTest::probabilities);

    @Test
    void identicalAnswersPass() {
        ParityReport report = ParityCheck.compare(reference, engine("same", ParityCheckTest::probabilities), PROBES);

        assertTrue(report.passed(), report.summary());
        assertEquals(70, report.probes());
        assertEquals(0, report.maxAbsDifference());
    }

    @Test
    void differenceWithinToleranceOnOneProbePasses() {
        ParityReport report = ParityCheck.compare(reference, perturbed(65, 0, 5e-5f), PROBES);

        assertTrue(report.passed(), report.summary());
        assertEquals(5e-5, report.maxAbsDifference(), 1e-7);
    }

    @Test
    void differenceBeyondToleranceOnOneProbeInTheLastBatchFails() {
        ParityReport report = ParityCheck.compare(reference, perturbed(65, 0, 2e-4f), PROBES);

        assertFalse(report.passed(), report.summary());
        assertEquals(2e-4, report.maxAbsDifference(), 1e-7);
        assertEquals(0, report.argmaxMismatches());
    }

    @Test
    void differentTopClassFailsEvenWithinTolerance() {
        // Probe 3's two classes are 1e-5 apart in the reference; the candidate swaps them.
        InferenceEngine swapped = engine("swapped", probe -> probe[0] == 3 ? new float[] {0.499995f, 0.500005f}
                : probabilities(probe));

        ParityReport report = ParityCheck.compare(reference, swapped, PROBES);

        assertFalse(report.passed(), report.summary());
        assertEquals(1, report.argmaxMismatches());
    }

    @Test
    void nanFails() {
        ParityReport report = ParityCheck.compare(reference, perturbed(10, 1, Float.NaN), PROBES);

        assertFalse(report.passed(), report.summary());
    }

    private static float[] probabilities(float[] probe) {
        return probe[0] == 3 ? new float[] {0.500005f, 0.499995f} : new float[] {0.25f, 0.75f};
    }

    private static InferenceEngine perturbed(int probe, int probabilityClass, float delta) {
        return engine("perturbed", image -> {
            float[] answer = probabilities(image);
            if (image[0] == probe) {
                answer[probabilityClass] += delta;
            }
            return answer;
        });
    }

    private static InferenceEngine engine(String name, UnaryOperator<float[]> answer) {
        return new InferenceEngine() {
            @Override
            public float[][] predict(float[][] images) {
                float[][] rows = new float[images.length][];
                for (int i = 0; i < images.length; i++) {
                    rows[i] = answer.apply(images[i]);
                }
                return rows;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
            }
        };
    }
}
