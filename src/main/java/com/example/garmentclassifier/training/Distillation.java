package com.example.garmentclassifier.training;

/**
 * How a student network learns from a teacher (Hinton et al. 2015): each training target is
 * {@code softWeight} of the teacher's class probabilities for the same augmented image, softened at
 * {@code temperature}, plus the rest of the one-hot label. Softening spreads the teacher's belief
 * over the classes it confuses (shirt, T-shirt, pullover, coat), which is what a student learns from
 * beyond the label itself.
 *
 * @param teacher     stored version whose served probabilities are the soft targets (an ensemble is asked as served)
 * @param softWeight  share of the target that comes from the teacher, 0-1 (0 = labels only)
 * @param temperature the teacher's probabilities are raised to 1/temperature and renormalised (1 = as served)
 */
public record Distillation(String teacher, double softWeight, double temperature) {

    /** Chosen without a tuning run: a common pairing in the distillation literature for small networks. */
    public static final double DEFAULT_SOFT_WEIGHT = 0.7;
    public static final double DEFAULT_TEMPERATURE = 2.0;

    public Distillation {
        if (teacher == null || teacher.isBlank()) {
            throw new IllegalArgumentException("distillation needs a teacher version");
        }
        if (!(softWeight >= 0 && softWeight <= 1)) {
            throw new IllegalArgumentException("the soft-target weight must be between 0 and 1, was " + softWeight);
        }
        if (!(temperature > 0 && temperature <= 20)) {
            throw new IllegalArgumentException("the distillation temperature must be above 0 and at most 20, was "
                    + temperature);
        }
    }

    public static Distillation from(String teacher) {
        return new Distillation(teacher, DEFAULT_SOFT_WEIGHT, DEFAULT_TEMPERATURE);
    }
}
