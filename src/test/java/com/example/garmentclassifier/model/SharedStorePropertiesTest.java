package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.BoundProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The shared store's settings as the service binds them, and the lock staleness it refuses. */
class SharedStorePropertiesTest {

    @Test
    void withNothingSetAnInstancePollsEveryTwoSecondsAndALockGoesStaleAfterAMinute() {
        SharedStoreProperties defaults = BoundProperties.defaults(SharedStoreProperties.class);

        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.lockStaleAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aLockStalenessUnderTenSecondsIsRefusedAtStartup() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("classifier.shared-store.lock-stale-after", "5s")));

        assertThatThrownBy(() -> BoundProperties.from(binder, SharedStoreProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("classifier.shared-store.lock-stale-after must be at least 10s");
    }
}
