package com.example.garmentclassifier.inference;

import com.example.garmentclassifier.inference.batching.BatchingProperties;
import com.example.garmentclassifier.inference.batching.DirectDispatcher;
import com.example.garmentclassifier.inference.batching.DynamicBatcher;
import com.example.garmentclassifier.inference.batching.InferenceDispatcher;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serving runtime in the service, one of each: the holder of the version serving now, the dispatcher that
 * every request's images go through, and the predictor that leases the one and submits to the other. The
 * runtime's own classes know no Spring; this is where the service puts them together. A training run's
 * application has none of them, since it does not scan for beans.
 */
@Configuration(proxyBeanMethods = false)
class InferenceConfiguration {

    @Bean
    ModelHolder modelHolder() {
        return new ModelHolder();
    }

    /** Closed after the web server's graceful shutdown, so it drains what in-flight requests queued. */
    @Bean(destroyMethod = "close")
    InferenceDispatcher inferenceDispatcher(BatchingProperties batching, MeterRegistry registry) {
        return batching.enabled() ? new DynamicBatcher(batching, registry)
                : new DirectDispatcher(registry);
    }

    @Bean
    Predictor predictor(ModelHolder models, InferenceDispatcher dispatcher) {
        return new Predictor(models, dispatcher);
    }
}
