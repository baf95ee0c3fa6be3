package com.example.garmentclassifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.BoundProperties;
import com.example.garmentclassifier.classify.ClassifyProperties;
import com.example.garmentclassifier.jobs.TrainingJobProperties;
import com.example.garmentclassifier.model.ModelStoreProperties;
import com.example.garmentclassifier.security.ClientsProperties;
import com.example.garmentclassifier.training.DatasetProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files checked offline, against each other and against the application: no Docker
 * engine or cluster runs here, so what can go wrong between them (a port, a probe path, a mount
 * point, an environment variable that binds to nothing) is checked here instead.
 */
@SuppressWarnings("unchecked")
class DeploymentFilesTest {

    private static final Path K8S = Path.of("deploy/k8s");

    @Test
    void theImageRunsTheEntrypointAsANonRootUserAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).as("multi-stage").isEqualTo(2);
        assertThat(dockerfile).contains("COPY deploy/docker/entrypoint.sh /opt/garment-classifier/entrypoint.sh")
                .contains("ENTRYPOINT [\"/opt/garment-classifier/entrypoint.sh\"]")
                .contains("dataset-fashion-mnist")
                .contains("COPY model-store " + env(dockerfile, "CLASSIFIER_MODEL_STORE_SEED"))
                .contains("VOLUME " + env(dockerfile, "CLASSIFIER_MODEL_STORE"))
                .contains("http://127.0.0.1:" + managementPort() + "/actuator/health/readiness")
                .contains("EXPOSE 8080 " + managementPort());
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(Path.of("deploy/docker/entrypoint.sh")).isExecutable();
        String ignored = Files.readString(Path.of(".dockerignore"));
        for (String committed : committedVersions()) {
            assertThat(ignored).as("the image seeds the committed version " + committed)
                    .contains("!model-store/versions/" + committed);
        }
    }

    @Test
    void composeRunsTwoReplicasOnOneStoreBehindNginxWithPrometheusLoggedIn() throws IOException {
        Map<String, Object> compose = yaml(Path.of("docker-compose.yml")).get(0);
        Map<String, Object> services = map(compose, "services");
        Map<String, Object> app = map(services, "garment-classifier");
        assertThat(map(app, "deploy").get("replicas")).isEqualTo(2);
        assertThat(list(app, "volumes")).contains("model-store:" + env(Files.readString(Path.of("Dockerfile")),
                "CLASSIFIER_MODEL_STORE"));
        Map<String, Object> secret = (Map<String, Object>) list(app, "secrets").get(0);
        assertThat(secret.get("target")).as("read by spring.config.import=configtree:/run/secrets/")
                .isEqualTo("classifier.admin.password");
        assertThat(map(app, "healthcheck").get("test").toString()).contains("/actuator/health/readiness");
        for (String dependent : List.of("nginx", "prometheus")) {
            assertThat(map(map(map(services, dependent), "depends_on"), "garment-classifier").get("condition"))
                    .isEqualTo("service_healthy");
            assertThat(map(services, dependent)).containsKey("healthcheck");
        }
        assertThat(Files.readString(Path.of("deploy/compose/nginx.conf"))).contains("garment-classifier")
                .contains("proxy_pass http://$replicas:8080");

        Map<String, Object> scrape = (Map<String, Object>) list(yaml(Path.of("deploy/compose/prometheus.yml")).get(0),
                "scrape_configs").get(0);
        assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(map(scrape, "basic_auth").get("password_file")).isEqualTo("/run/secrets/admin_password");
        Map<String, Object> promSecret = (Map<String, Object>) list(map(services, "prometheus"), "secrets").get(0);
        assertThat(promSecret.get("target")).isEqualTo("admin_password");
        assertThat(((Map<String, Object>) list(scrape, "dns_sd_configs").get(0)).get("port"))
                .isEqualTo(Integer.parseInt(managementPort()));
        assertThat(Files.readString(Path.of(".gitignore"))).contains(".env").contains("deploy/compose/secrets/");
    }

    @Test
    void kubernetesManifestsAreCompleteAndAgreeWithEachOtherAndTheImage() throws IOException {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (String file : List.of("deployment.yaml", "service.yaml", "pvc.yaml", "hpa.yaml", "pdb.yaml", "secret.yaml")) {
            for (Map<String, Object> doc : yaml(K8S.resolve(file))) {
                assertThat(doc).as(file).containsKeys("apiVersion", "kind", "metadata");
                assertThat(map(doc, "metadata").get("name")).as(file + " metadata.name").isNotNull();
                byKind.put((String) doc.get("kind"), doc);
            }
        }
        assertThat(byKind).containsKeys("Deployment", "Service", "PersistentVolumeClaim", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Secret");
        Map<String, Object> deployment = byKind.get("Deployment");
        String name = (String) map(deployment, "metadata").get("name");
        Map<String, Object> spec = map(deployment, "spec");
        Map<String, Object> labels = map(map(map(spec, "template"), "metadata"), "labels");
        assertThat(labels).containsAllEntriesOf(map(map(spec, "selector"), "matchLabels"));
        assertThat(map(map(byKind.get("Service"), "spec"), "selector")).isEqualTo(map(map(spec, "selector"), "matchLabels"));
        assertThat(map(map(byKind.get("PodDisruptionBudget"), "spec"), "selector").get("matchLabels"))
                .isEqualTo(map(map(spec, "selector"), "matchLabels"));

        Map<String, Object> pod = map(map(spec, "template"), "spec");
        Map<String, Object> security = map(pod, "securityContext");
        assertThat(security.get("runAsNonRoot")).isEqualTo(true);
        assertThat(security.get("runAsUser")).as("the image's USER").isEqualTo(10001);
        Map<String, Object> container = (Map<String, Object>) list(pod, "containers").get(0);
        assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
        assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
        List<String> portNames = new ArrayList<>();
        Map<String, Integer> ports = new HashMap<>();
        for (Object port : list(container, "ports")) {
            Map<String, Object> p = (Map<String, Object>) port;
            portNames.add((String) p.get("name"));
            ports.put((String) p.get("name"), (Integer) p.get("containerPort"));
        }
        assertThat(ports.get("management")).isEqualTo(Integer.parseInt(managementPort()));
        for (Object port : list(map(byKind.get("Service"), "spec"), "ports")) {
            assertThat(portNames).contains((String) ((Map<String, Object>) port).get("targetPort"));
        }
        assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probe(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(map(map(container, "readinessProbe"), "httpGet").get("port")).isEqualTo("management");

        Map<String, String> env = new HashMap<>();
        for (Object variable : list(container, "env")) {
            Map<String, Object> v = (Map<String, Object>) variable;
            env.put((String) v.get("name"), (String) v.get("value"));
        }
        assertThat(env).containsKey("CONTAINER_MEMORY_BYTES");
        Map<String, String> mounts = new HashMap<>();
        for (Object mount : list(container, "volumeMounts")) {
            Map<String, Object> m = (Map<String, Object>) mount;
            mounts.put((String) m.get("name"), (String) m.get("mountPath"));
        }
        assertThat(mounts.get("model-store")).isEqualTo(env.get("CLASSIFIER_MODEL_STORE"));
        assertThat(mounts.get("admin-password") + "/").isEqualTo(env.get("CLASSIFIER_SECRETS_DIR"));
        assertThat(mounts).containsKey("tmp");
        Map<String, Map<String, Object>> volumes = new HashMap<>();
        for (Object volume : list(pod, "volumes")) {
            volumes.put((String) ((Map<String, Object>) volume).get("name"), (Map<String, Object>) volume);
        }
        assertThat(map(volumes.get("model-store"), "persistentVolumeClaim").get("claimName"))
                .isEqualTo(map(byKind.get("PersistentVolumeClaim"), "metadata").get("name"));
        assertThat((List<Object>) map(byKind.get("PersistentVolumeClaim"), "spec").get("accessModes"))
                .containsExactly("ReadWriteMany");
        Map<String, Object> secretVolume = map(volumes.get("admin-password"), "secret");
        assertThat(secretVolume.get("secretName")).isEqualTo(map(byKind.get("Secret"), "metadata").get("name"));
        assertThat(((Map<String, Object>) list(secretVolume, "items").get(0)).get("path"))
                .isEqualTo("classifier.admin.password");
        assertThat(map(byKind.get("Secret"), "stringData")).containsKey("classifier.admin.password");

        Map<String, Object> target = map(map(byKind.get("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef");
        assertThat(target).containsEntry("kind", "Deployment").containsEntry("name", name);

        List<Object> resources = list(yaml(K8S.resolve("kustomization.yaml")).get(0), "resources");
        assertThat(resources).as("the placeholder Secret is never applied").doesNotContain("secret.yaml");
        resources.forEach(resource -> assertThat(K8S.resolve((String) resource)).exists());
    }

    /** Every CLASSIFIER_* variable the deployment files set binds to the property it is meant for. */
    @Test
    void theirEnvironmentVariablesBindToTheApplicationsProperties() {
        Map<String, Object> variables = Map.of(
                "CLASSIFIER_MODEL_STORE", "/var/lib/garment-classifier/model-store",
                "CLASSIFIER_MODEL_STORE_SEED", "/opt/garment-classifier/seed-store",
                "CLASSIFIER_DATASET_DIR", "/usr/share/datasets/fashion-mnist",
                "CLASSIFIER_MAX_FILES_PER_REQUEST", "32",
                "CLASSIFIER_CLIENTS_REQUESTSPERMINUTE", "120",
                "CLASSIFIER_TRAINING_CHILDHEAP", "368m",
                "CLASSIFIER_TRAINING_CHILDOFFHEAP", "368M",
                "CLASSIFIER_TRAINING_CHILDPHYSICALMEMORY", "921M");
        StandardEnvironment environment = new StandardEnvironment();
        // Under the environment's own name: Spring maps variable names to properties only for that source.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        // Only the variables: the test JVM's own -Dclassifier.* (pom.xml) would outrank them.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);

        ModelStoreProperties store = BoundProperties.from(binder, ModelStoreProperties.class);
        assertThat(store.modelStore()).isEqualTo(Path.of("/var/lib/garment-classifier/model-store"));
        assertThat(store.modelStoreSeed()).isEqualTo(Path.of("/opt/garment-classifier/seed-store"));
        assertThat(BoundProperties.from(binder, DatasetProperties.class).datasetDir())
                .isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
        assertThat(BoundProperties.from(binder, ClassifyProperties.class).maxFilesPerRequest()).isEqualTo(32);
        assertThat(BoundProperties.from(binder, ClientsProperties.class).requestsPerMinute()).isEqualTo(120);
        TrainingJobProperties training = BoundProperties.from(binder, TrainingJobProperties.class);
        assertThat(training.childHeap()).isEqualTo("368m");
        assertThat(training.childOffHeap()).isEqualTo("368M");
        assertThat(training.childPhysicalMemory()).isEqualTo("921M");
    }

    private static String probe(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    private static String env(String dockerfile, String name) {
        Matcher matcher = Pattern.compile(name + "=(\\S+)").matcher(dockerfile);
        assertThat(matcher.find()).as(name + " in the Dockerfile").isTrue();
        return matcher.group(1);
    }

    private static String managementPort() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("management.server.port");
    }

    private static List<String> committedVersions() throws IOException {
        try (var versions = Files.list(Path.of("model-store/versions"))) {
            String ignored = Files.readString(Path.of(".gitignore"));
            return versions.map(v -> v.getFileName().toString())
                    .filter(v -> ignored.contains("!model-store/versions/" + v + "/")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
