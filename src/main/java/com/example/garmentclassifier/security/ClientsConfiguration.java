package com.example.garmentclassifier.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClientsConfiguration.class);

    @Bean
    FilterRegistrationBean<ClientAccessFilter> clientAccessFilter(ClientsProperties clients,
                                                                  MeterRegistry registry, ProblemResponses problems) {
        ClientAccessFilter filter = new ClientAccessFilter(new ApiKeys(clients.apiKeys()), clients.keysRequired(),
                new ClientRateLimits(clients.requestsPerMinute()), new ClientRequestMetrics(registry), problems);
        log.info("/classify: {}, {}", clients.keysRequired()
                        ? "API keys required (" + clients.apiKeys().size() + " clients)" : "open to anyone (no API keys)",
                clients.requestsPerMinute() == 0 ? "no rate limit"
                        : clients.requestsPerMinute() + " requests per minute per client");
        FilterRegistrationBean<ClientAccessFilter> registration = new FilterRegistrationBean<>(filter);
        // Servlet patterns cannot say "/v2/models/*/infer": the filter narrows /v2/* down to the inference paths.
        registration.addUrlPatterns("/classify", "/v2/*");
        // After Spring Security's chain (order -100; CORS preflights are answered there); multipart parsing
        // happens later still, in the DispatcherServlet.
        registration.setOrder(0);
        return registration;
    }
}
