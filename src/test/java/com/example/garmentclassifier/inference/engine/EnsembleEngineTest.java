package com.example.garmentclassifier.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleEngineTest {

    /** Answers the same probabilities for every image and records whether it was closed. */
    private static final class FixedEngine implements InferenceEngine {
        private final float[] answer;
        private final List<String> closed;
        private final boolean failOnClose;

        FixedEngine(List<String> closed, boolean failOnClose, float... answer) {
            this.answer = answer;
            this.closed = closed;
            this.failOnClose = failOnClose;
        }

        @Override
        public float[][] predict(float[][] images) {
            float[][] rows = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                rows[i] = answer.clone();
            }
            return rows;
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public void close() {
            closed.add(java.util.Arrays.toString(answer));
            if (failOnClose) {
                throw new IllegalStateException("cannot close");
            }
        }
    }

    @Test
    void answersTheMeanOfItsMembersProbabilitiesForEachImage() {
        List<String> closed = new ArrayList<>();
        EnsembleEngine ensemble = new EnsembleEngine(List.of(new FixedEngine(closed, false, 0.9f, 0.1f, 0f),
                new FixedEngine(closed, false, 0.2f, 0.8f, 0f), new FixedEngine(closed, false, 0.1f, 0.3f, 0.6f)));

        float[][] result = ensemble.predict(new float[2][4]);

        assertThat(result).hasDimensions(2, 3);
        for (float[] row : result) {
            assertThat(row[0]).isCloseTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(row[1]).isCloseTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(row[2]).isCloseTo(0.2f, org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(ensemble.size()).isEqualTo(3);
        assertThat(ensemble.name()).isEqualTo("fixed");
    }

    @Test
    void closesEveryMemberEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        EnsembleEngine ensemble = new EnsembleEngine(List.of(new FixedEngine(closed, true, 1f),
                new FixedEngine(closed, false, 0.5f)));

        assertThatThrownBy(ensemble::close).hasMessage("cannot close");
        assertThat(closed).containsExactly("[1.0]", "[0.5]");
    }

    @Test
    void anEmptyEnsembleIsRefused() {
        assertThatThrownBy(() -> new EnsembleEngine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
