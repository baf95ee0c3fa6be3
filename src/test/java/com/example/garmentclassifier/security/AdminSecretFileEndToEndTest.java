package com.example.garmentclassifier.security;

import com.example.garmentclassifier.web.HttpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.GarmentClassifierApplication;
import com.example.garmentclassifier.model.ModelStoreCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The admin password from a mounted secret file, as Docker and Kubernetes secrets provide it. */
class AdminSecretFileEndToEndTest {

    @TempDir
    Path secrets;

    @Test
    void aPasswordFileInTheSecretsDirectoryIsTheAdminPassword() throws Exception {
        Files.writeString(secrets.resolve("classifier.admin.password"), "from-a-mounted-secret\n");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GarmentClassifierApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--classifier.model-store=" + ModelStoreCopy.ofCommitted(),
                "--CLASSIFIER_SECRETS_DIR=" + secrets + "/")) {
            HttpTestClient http = new HttpTestClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            assertThat(http.withBasicAuth("admin", "from-a-mounted-secret").get("/admin/jobs").status()).isEqualTo(200);
            assertThat(http.withBasicAuth("admin", "anything-else").get("/admin/jobs").status()).isEqualTo(401);
        }
    }
}
