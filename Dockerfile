# syntax=docker/dockerfile:1
# The service's image: built with the Maven wrapper on a JDK 17 image, run on Debian's JRE 17 as a non-root user,
# with the Fashion-MNIST data set (so retraining works in the container) and the committed model store baked in
# as the read-only seed of a writable store (a volume). See "Containers, replicas and Kubernetes" in docs/operating.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies first: a change to src/ reuses this layer.
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
# The test client is generated from the API document even when tests are skipped.
COPY docs/openapi.json docs/openapi.json
RUN ./mvnw -B -ntp -q -DskipTests package

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-17-jre-headless dataset-fashion-mnist curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/garment-classifier --no-create-home classifier \
    && mkdir -p /var/lib/garment-classifier/model-store \
    && chown -R classifier:classifier /var/lib/garment-classifier
COPY --from=build /src/target/garment-classifier.jar /opt/garment-classifier/app.jar
# The seed stays owned by root and read-only: the service copies versions the store lacks into the volume at startup,
# never replacing a version or an activation already there (classifier.model-store-seed).
COPY model-store /opt/garment-classifier/seed-store
COPY deploy/docker/entrypoint.sh /opt/garment-classifier/entrypoint.sh

# JAVA_TOOL_OPTIONS reaches every JVM, the training child too: ND4J unpacks its native libraries under /tmp,
# which stays writable when the root file system is read-only (as in deploy/k8s).
ENV CLASSIFIER_MODEL_STORE=/var/lib/garment-classifier/model-store \
    CLASSIFIER_MODEL_STORE_SEED=/opt/garment-classifier/seed-store \
    CLASSIFIER_DATASET_DIR=/usr/share/datasets/fashion-mnist \
    JAVA_TOOL_OPTIONS=-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache
VOLUME /var/lib/garment-classifier/model-store
WORKDIR /var/lib/garment-classifier
USER 10001:10001
# 8080: the API; 8081: actuator (probes, metrics), to keep off public networks.
EXPOSE 8080 8081
# Ready = the model is loaded, verified and warmed up; the first start seeds the store and takes longer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8081/actuator/health/readiness >/dev/null || exit 1
# The shell script execs the JVM, which then receives SIGTERM itself and shuts down gracefully.
ENTRYPOINT ["/opt/garment-classifier/entrypoint.sh"]
