package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.inference.Predictor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifyConfiguration {

    @Bean
    ImagePreprocessor imagePreprocessor() {
        return new ImagePreprocessor(new ForegroundDetector());
    }

    @Bean
    ClassificationService classificationService(ClassifyProperties properties, ImagePreprocessor preprocessor,
                                                Predictor predictor, MeterRegistry registry) {
        return new ClassificationService(new ImageDecoder(properties.maxImagePixels()), preprocessor,
                new AttributeExtractor(), predictor, new ClassifyMetrics(registry),
                new ImageWorkPermits(properties.imageWorkConcurrency()), new ReviewPolicy(properties.reviewThreshold()));
    }
}
