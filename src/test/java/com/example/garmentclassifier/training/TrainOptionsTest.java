package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The training command line's options, parsed without running anything (TrainCommandTest runs the command). */
class TrainOptionsTest {

    @Test
    void theCommandLineNamesTheTeacherAndItsMix() {
        TrainingParameters params = TrainOptions.parse(new String[] {"--train", "--recipe", "distill", "--teacher=v9",
                "--soft-weight", "0.5", "--distill-temperature=3"});

        assertThat(params.recipe()).isEqualTo(GarmentNetwork.Recipe.DISTILL);
        assertThat(params.distillation()).isEqualTo(new Distillation("v9", 0.5, 3));
        assertThat(TrainOptions.parse(new String[] {"--train", "--recipe=distill"}, () -> "v-active").distillation()
                .teacher()).as("the active version by default").isEqualTo("v-active");
        assertThatThrownBy(() -> TrainOptions.parse(new String[] {"--train", "--teacher=v9"}))
                .hasMessageContaining("need --recipe distill");
        assertThatThrownBy(() -> TrainOptions.parse(new String[] {"--train", "--recipe=distill", "--teacher=v9",
                "--soft-weight=1.5"})).hasMessageContaining("between 0 and 1");
    }
}
