package com.example.garmentclassifier.inference.parity;

import com.example.garmentclassifier.store.ModelMetadata;
import java.util.Locale;

/**
 * How closely a candidate engine reproduced the reference engine's probabilities on a probe set.
 *
 * @param probes            images compared
 * @param maxAbsDifference  largest |reference - candidate| over every probability of every probe
 *                          (NaN if either engine produced NaN where the other did not)
 * @param argmaxMismatches  probes whose most probable class differs between the engines
 */
public record ParityReport(int probes, double maxAbsDifference, int argmaxMismatches) {

    /** A report read back from a version's metadata. */
    public static ParityReport of(ModelMetadata.OnnxParity recorded) {
        return new ParityReport(recorded.probes(), recorded.maxAbsDifference(), recorded.argmaxMismatches());
    }

    /** This report as a version's metadata records it, for the ONNX file it was measured on, checked now. */
    public ModelMetadata.OnnxParity recordFor(String onnxSha256) {
        return ModelMetadata.OnnxParity.checkedNow(onnxSha256, probes, maxAbsDifference, argmaxMismatches);
    }

    public boolean passed() {
        // Written so that NaN fails.
        return maxAbsDifference <= ParityCheck.TOLERANCE && argmaxMismatches == 0;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %d probes, max |difference| %.3e (tolerance %.0e), %d argmax mismatches",
                passed() ? "parity passed" : "parity FAILED", probes, maxAbsDifference,
                ParityCheck.TOLERANCE, argmaxMismatches);
    }
}
