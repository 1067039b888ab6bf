package fr.recouvrement.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code bpmn/} and {@code forms/} are read from.
 *
 * @param root a folder holding {@code bpmn/} and {@code forms/}; empty for the working directory, else the copies
 *     packaged in the jar
 */
@ConfigurationProperties("recouvrement.deployment")
public record DeploymentProperties(String root) {
}
