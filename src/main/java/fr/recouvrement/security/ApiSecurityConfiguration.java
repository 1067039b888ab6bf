package fr.recouvrement.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic on {@code /api} against Camunda's identity service (docs/api.md): reads for the four groups and admins
 * (the KPIs for managers, analysts and admins), writes for agents, managers and admins. Reads also accept the session of a person logged in to the webapps, so that
 * a task's link to a letter opens from Tasklist. Only {@code /api/**} passes through Spring Security: the webapps keep
 * their own session login and CSRF protection, {@code /engine-rest} its Camunda filter, and the OpenAPI document,
 * the Swagger UI and the health check stay public.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        String[] readers = withAdmins(CollectionGroups.READERS.stream());
        String[] writers = withAdmins(CollectionGroups.WRITERS.stream());
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // The money figures are the managers' and the analysts': not the agents' nor the legal team's.
                        .requestMatchers("/api/kpis/**").hasAnyAuthority(
                                CollectionGroups.MANAGERS, CollectionGroups.ANALYSTS, Groups.CAMUNDA_ADMIN)
                        // Everything held about a person (RGPD art. 15) is handed over by an administrator only.
                        .requestMatchers("/api/debtors/*/export").hasAuthority(Groups.CAMUNDA_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(readers)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyAuthority(readers)
                        // Moving the application's time concerns everyone on the node: administrators only.
                        .requestMatchers("/api/simulation/**").hasAuthority(Groups.CAMUNDA_ADMIN)
                        // Erasing a person's data is irreversible: administrators only (RGPD art. 17, docs/api.md).
                        .requestMatchers(HttpMethod.POST, "/api/debtors/*/erasure").hasAuthority(Groups.CAMUNDA_ADMIN)
                        // A preview changes nothing: analysts try their scenario; moving running dossiers is managers'.
                        .requestMatchers(HttpMethod.POST, "/api/scenario/preview").hasAnyAuthority(
                                CollectionGroups.ANALYSTS, CollectionGroups.MANAGERS, Groups.CAMUNDA_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/scenario/migrate").hasAnyAuthority(
                                CollectionGroups.MANAGERS, Groups.CAMUNDA_ADMIN)
                        .anyRequest().hasAnyAuthority(writers))
                .httpBasic(basic -> basic.realmName("Recouvrement")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Recouvrement\"");
                            writeProblem(objectMapper, request, response, HttpStatus.UNAUTHORIZED,
                                    "Authentification requise : identifiant et mot de passe Camunda (HTTP Basic).");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(objectMapper, request, response, HttpStatus.FORBIDDEN,
                                "Vos groupes ne donnent pas le droit de faire cette opération.")))
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                // A read with the webapp session must leave that session as it is: left to Spring Security, session
                // fixation protection gave it a new id, and Cockpit's calls still in flight with the old one got 401
                // and sent the person back to the login page.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Writes need HTTP Basic; the webapp session only reads: no browser session for a CSRF attack to ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static String[] withAdmins(Stream<String> groups) {
        return Stream.concat(groups, Stream.of(Groups.CAMUNDA_ADMIN)).toArray(String[]::new);
    }

    private static void writeProblem(ObjectMapper objectMapper, HttpServletRequest request,
            HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
