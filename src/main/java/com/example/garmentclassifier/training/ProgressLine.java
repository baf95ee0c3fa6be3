package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol between a training child process and its parent: one line on the child's standard
 * output per event, {@code @training } followed by JSON, among the child's ordinary log lines.
 *
 * @param event   "batch", "epoch", "stored" or "failed"
 * @param epoch   for batch and epoch events
 * @param batch   for batch events: batches done in this epoch
 * @param batches for batch events: batches per epoch
 * @param metrics for epoch events
 * @param eta     for epoch events: seconds left
 * @param version for stored events: the new version
 * @param reason  for failed events: why, for the job record
 */
public record ProgressLine(String event, int epoch, int batch, int batches, EpochMetrics metrics, double eta,
                           String version, String reason) {

    static final String PREFIX = "@training ";

    public static ProgressLine batch(int epoch, int batch, int batches) {
        return new ProgressLine("batch", epoch, batch, batches, null, 0, null, null);
    }

    public static ProgressLine epoch(EpochMetrics metrics, double eta) {
        return new ProgressLine("epoch", metrics.epoch(), 0, 0, metrics, eta, null, null);
    }

    public static ProgressLine stored(String version) {
        return new ProgressLine("stored", 0, 0, 0, null, 0, version, null);
    }

    public static ProgressLine failed(String reason) {
        return new ProgressLine("failed", 0, 0, 0, null, 0, null, reason);
    }

    public String encode(JsonMapper json) {
        return PREFIX + json.writeValueAsString(this);
    }

    /** The event on a line of the child's output, if it is one. */
    public static Optional<ProgressLine> decode(String line, JsonMapper json) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(line.substring(PREFIX.length()), ProgressLine.class));
    }
}
