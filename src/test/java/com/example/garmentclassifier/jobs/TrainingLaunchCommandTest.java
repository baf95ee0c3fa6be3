package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.training.ProgressLine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TrainingLaunchCommandTest {

    @Test
    void outsideThePackagedJarTheChildGetsTheClassPathAndTheApplicationsMainClass() throws Exception {
        List<String> command = new TrainingLaunchCommand(Path.of("/jdk/bin/java"), "a.jar:classes")
                .command(List.of("-Xmx1g"), List.of("--train"), 0);
        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx1g", "-cp", "a.jar:classes",
                TrainingLaunchCommand.MAIN_CLASS, "--train");
        assertThat(Class.forName(TrainingLaunchCommand.MAIN_CLASS).getMethod("main", String[].class)).isNotNull();
    }

    @Test
    void theChildRunsUnderNiceWhenAskedAndNiceExists() {
        List<String> command = new TrainingLaunchCommand(Path.of("/jdk/bin/java"), "classes")
                .command(List.of(), List.of("--train"), 10);
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/nice"))) {
            assertThat(command.subList(0, 3)).containsExactly("/usr/bin/nice", "-n", "10");
        } else {
            assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        }
    }

    @Test
    void progressLinesSurviveTheTripThroughTheChildsOutputAndOtherLinesAreIgnored() {
        JsonMapper json = JsonMapper.builder().build();
        EpochMetrics metrics = new EpochMetrics(3, 0.25, 0.91, 0.9, 0.001, 12.5);
        ProgressLine epoch = ProgressLine.decode(ProgressLine.epoch(metrics, 40).encode(json), json).orElseThrow();
        assertThat(epoch.metrics()).isEqualTo(metrics);
        assertThat(epoch.eta()).isEqualTo(40);
        assertThat(ProgressLine.decode(ProgressLine.stored("v1").encode(json), json).orElseThrow().version())
                .isEqualTo("v1");
        assertThat(ProgressLine.decode("2026-11-25 INFO Starting application", json)).isEmpty();
    }
}
