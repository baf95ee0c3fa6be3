package com.example.garmentclassifier.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI garmentClassifierOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("basicAuth", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The admin user (classifier.admin.username / classifier.admin.password)")))
                .info(new Info()
                .title("garment-classifier")
                .version("v1")
                .description("Classifies product images into Fashion-MNIST garment categories with a DL4J CNN."
                        + " Errors are RFC 9457 problem details (application/problem+json)."));
    }
}
