package com.example.garmentclassifier.training;

/**
 * What the promotion gate decided for a finished job.
 *
 * @param activeVersion the serving version the candidate was compared with (null if none)
 */
public record PromotionDecision(PromotionPolicy policy, boolean promoted, double candidateAccuracy,
                                String activeVersion, Double activeAccuracy, double tolerance, String reason) {

    static PromotionDecision decide(PromotionPolicy policy, double candidate, String activeVersion,
                                    Double activeAccuracy, double tolerance) {
        if (policy == PromotionPolicy.ALWAYS) {
            return new PromotionDecision(policy, true, candidate, activeVersion, activeAccuracy, tolerance,
                    "promote=always");
        }
        if (activeAccuracy == null) {
            return new PromotionDecision(policy, true, candidate, null, null, tolerance, "no model was serving");
        }
        boolean better = candidate >= activeAccuracy - tolerance;
        String reason = String.format("test accuracy %.4f %s %.4f of %s%s", candidate, better ? ">=" : "<",
                activeAccuracy, activeVersion, tolerance == 0 ? "" : String.format(" (tolerance %.4f)", tolerance));
        return new PromotionDecision(policy, better, candidate, activeVersion, activeAccuracy, tolerance, reason);
    }
}
