package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.config.ClassifierProperties;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.inference.batching.DirectDispatcher;
import com.example.garmentclassifier.inference.batching.DynamicBatcher;
import com.example.garmentclassifier.inference.batching.InferenceDispatcher;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifyConfiguration {

    @Bean
    ImagePreprocessor imagePreprocessor() {
        return new ImagePreprocessor(new ForegroundDetector());
    }

    /** Closed after the web server's graceful shutdown, so it drains what in-flight requests queued. */
    @Bean(destroyMethod = "close")
    InferenceDispatcher inferenceDispatcher(ClassifierProperties properties, MeterRegistry registry) {
        return properties.batching().enabled() ? new DynamicBatcher(properties.batching(), registry)
                : new DirectDispatcher(registry);
    }

    @Bean
    ClassificationService classificationService(ClassifierProperties properties, ImagePreprocessor preprocessor,
                                                ModelHolder models, InferenceDispatcher dispatcher,
                                                MeterRegistry registry) {
        return new ClassificationService(new ImageDecoder(properties.maxImagePixels()), preprocessor,
                new AttributeExtractor(), models, dispatcher, new ClassifyMetrics(registry),
                new ImageWorkPermits(properties.imageWorkConcurrency()), new ReviewPolicy(properties.reviewThreshold()));
    }
}
