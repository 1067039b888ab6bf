# Multi-stage build of Recouvrement: the JDK and Maven stay in the build stage.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so that a change of the sources reuses this layer. The image's own mvn is used: the
# wrapper would download Maven a second time.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system recouvrement && useradd --system --gid recouvrement --home-dir /app recouvrement
WORKDIR /app
COPY --from=build /build/target/recouvrement-*.jar /app/app.jar
# The application deploys bpmn/ and forms/ from its working directory (copies also sit in the jar).
COPY --chown=recouvrement:recouvrement bpmn /app/bpmn
COPY --chown=recouvrement:recouvrement forms /app/forms
USER recouvrement
ENV TZ=Europe/Paris
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
