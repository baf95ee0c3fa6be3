package com.example.garmentclassifier.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
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
            // Spring writes a problem's extra properties (jobId, limit, ...) at the top level, not nested.
            Schema<?> problemSchema = openApi.getComponents().getSchemas().get("ProblemDetail");
            problemSchema.type("object").getProperties().remove("properties");
            problemSchema.setAdditionalProperties(true);
            Content problem = new Content().addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
            openApi.getPaths().forEach((name, path) -> path.readOperations().forEach(operation ->
                    operation.getResponses().forEach((code, response) -> {
                        // springdoc has filled these with the method's return type; errors never return it.
                        // The Open Inference Protocol's operations declare the protocol's own error shape.
                        if ((code.startsWith("4") || code.startsWith("5")) && !name.startsWith("/v2")) {
                            response.setContent(problem);
                        }
                    })));
        };
    }

    /**
     * Operations that name no security are public: say so ({@code security: []}), or generators and
     * linters take the document's schemes to apply to them too. (/classify names the API key, which
     * its scheme's description says is needed only when keys are configured: swagger-core drops the
     * empty requirement that would mark it optional.)
     */
    @Bean
    OpenApiCustomizer publicOperationsNeedNoCredentials() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(new ArrayList<>());
            }
        }));
    }

    @Bean
    OpenAPI garmentClassifierOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                // Relative: the document describes the service that serves it, on whatever host and port.
                .servers(List.of(new Server().url("/").description("The service this document was read from")))
                .components(new Components().addSecuritySchemes("basicAuth", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The admin user (classifier.admin.username / classifier.admin.password)"))
                        .addSecuritySchemes("apiKey", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("A client's key, needed for /classify only when the service is configured"
                                        + " with classifier.clients.api-keys")))
                .info(new Info()
                        .title("garment-classifier")
                        .version(version)
                        .description("Classifies product images into Fashion-MNIST garment categories with a DL4J CNN"
                                + " (served on ONNX Runtime) and reads their colours and pattern. Errors are RFC 9457"
                                + " problem details (application/problem+json). Public operations need no"
                                + " credentials (/classify needs X-API-Key when keys are configured); /admin needs"
                                + " HTTP Basic.")
                        .contact(new Contact().name("garment-classifier maintainers (the project's README)"))
                        // No licence is granted: the code and models are the project owner's, all rights reserved.
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")));
    }
}
