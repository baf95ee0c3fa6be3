# First version: builds the jar and serves the committed model. Not built here (no Docker engine on
# the development machines); a later issue hardens it (non-root user, health check, layered jar).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/garment-classifier.jar app.jar
COPY model-store model-store
ENV JAVA_TOOL_OPTIONS="-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=1G -Dorg.bytedeco.javacpp.maxphysicalbytes=3G"
# 8080: the API; 8081: actuator (probes, metrics).
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
