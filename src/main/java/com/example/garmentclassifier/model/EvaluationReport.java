package com.example.garmentclassifier.model;

import java.util.List;

/** Test-set results of a model: overall accuracy, per-class metrics and the confusion matrix (rows = true class). */
public record EvaluationReport(int examples, double accuracy, List<ClassMetrics> perClass, int[][] confusionMatrix) {

    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }
}
