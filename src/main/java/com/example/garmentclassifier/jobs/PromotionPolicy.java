package com.example.garmentclassifier.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a trained model replaces the serving one. */
public enum PromotionPolicy {
    /** Only if its validation accuracy is at least the serving model's (minus the configured tolerance). */
    IF_BETTER("if-better"),
    /** Always, whatever its accuracy. */
    ALWAYS("always");

    private final String value;

    PromotionPolicy(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static PromotionPolicy of(String value) {
        for (PromotionPolicy policy : values()) {
            if (policy.value.equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("promote must be \"if-better\" or \"always\"");
    }
}
