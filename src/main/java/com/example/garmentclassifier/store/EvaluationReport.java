package com.example.garmentclassifier.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Test-set results of a model: overall accuracy, per-class metrics and the confusion matrix (rows = true class). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationReport(int examples, double accuracy, List<ClassMetrics> perClass, int[][] confusionMatrix) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }
}
