package com.example.garmentclassifier.jobs;

/**
 * What the promotion gate decided for a finished job.
 *
 * @param candidateAccuracy the new version's accuracy on {@code measuredOn}
 * @param activeVersion     the serving version the candidate was compared with (null if none)
 * @param activeAccuracy    the serving version's accuracy on the same images
 * @param measuredOn        which images both were scored on (see {@link ValidationGate})
 */
public record PromotionDecision(PromotionPolicy policy, boolean promoted, double candidateAccuracy,
                                String activeVersion, Double activeAccuracy, double tolerance, String measuredOn,
                                String reason) {

    static PromotionDecision decide(PromotionPolicy policy, double candidate, String activeVersion,
                                    Double activeAccuracy, double tolerance, String measuredOn) {
        if (policy == PromotionPolicy.ALWAYS) {
            return new PromotionDecision(policy, true, candidate, activeVersion, activeAccuracy, tolerance, measuredOn,
                    "promote=always");
        }
        if (activeAccuracy == null) {
            return new PromotionDecision(policy, true, candidate, null, null, tolerance, measuredOn,
                    "no model was serving");
        }
        boolean better = candidate >= activeAccuracy - tolerance;
        String reason = String.format(java.util.Locale.ROOT, "accuracy %.4f %s %.4f of %s on %s%s", candidate,
                better ? ">=" : "<", activeAccuracy, activeVersion, measuredOn,
                tolerance == 0 ? "" : String.format(java.util.Locale.ROOT, " (tolerance %.4f)", tolerance));
        return new PromotionDecision(policy, better, candidate, activeVersion, activeAccuracy, tolerance, measuredOn,
                reason);
    }
}
