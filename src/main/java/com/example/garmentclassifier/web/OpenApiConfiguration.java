package com.example.garmentclassifier.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Every 4xx and 5xx response is a problem detail: controllers only say which codes they answer
     * and why, and this adds the body schema once for all of them.
     */
    @Bean
    OpenApiCustomizer problemDetailResponses() {
        return openApi -> {
            ModelConverters.getInstance().read(ProblemDetail.class).forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content().addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().forEach((code, response) -> {
                        // springdoc has filled these with the method's return type; errors never return it.
                        if (code.startsWith("4") || code.startsWith("5")) {
                            response.setContent(problem);
                        }
                    })));
        };
    }

    @Bean
    OpenAPI garmentClassifierOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("basicAuth", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The admin user (classifier.admin.username / classifier.admin.password)"))
                        .addSecuritySchemes("apiKey", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("A client's key, needed for /classify only when the service is configured"
                                        + " with classifier.clients.api-keys")))
                .info(new Info()
                .title("garment-classifier")
                .version("v1")
                .description("Classifies product images into Fashion-MNIST garment categories with a DL4J CNN."
                        + " Errors are RFC 9457 problem details (application/problem+json)."));
    }
}
