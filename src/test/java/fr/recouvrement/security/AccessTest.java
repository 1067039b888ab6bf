package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.RecouvrementSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who may call what, over real HTTP (docs/architecture.md §4 and docs/api.md). */
@RecouvrementSpringTest
class AccessTest {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/process-definition?firstResult=0&maxResults=10", "/api/me"})
    void refusesAnonymousCallsAndAcceptsCamundaUsers(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // A user who is not there: a wrong password would lock a real user for a few seconds (Camunda's login delay).
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("agent", "agent").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void apiAnswersProblemJsonWhenUnauthenticated() {
        ResponseEntity<String> response = http.getForEntity("/api/me", String.class);

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(response.getBody()).contains("\"status\":401").contains("HTTP Basic");
    }

    @Test
    void apiTellsTheUserWhoTheyAre() {
        ResponseEntity<String> response = http.withBasicAuth("juriste", "juriste").getForEntity("/api/me", String.class);

        assertThat(response.getBody()).contains("\"id\":\"juriste\"").contains("\"groups\":[\"juridique\"]");
    }

    /** A webapp's own login: its first page sets the CSRF cookie, the login answers with the session cookie. */
    private record WebappSession(String sessionId, String csrfToken) {

        HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + sessionId);
            return headers;
        }
    }

    private WebappSession logIn(String app, String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders loginHeaders = new HttpHeaders();
        loginHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        loginHeaders.add("X-XSRF-TOKEN", xsrf);
        loginHeaders.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + cookie(page, "JSESSIONID"));
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>("username=" + user + "&password=" + user, loginHeaders), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        // The login starts a new session; the app's next page gives it its own token, as a browser receives it.
        String sessionId = cookie(login, "JSESSIONID");
        HttpHeaders next = new HttpHeaders();
        next.add(HttpHeaders.COOKIE, "JSESSIONID=" + sessionId);
        ResponseEntity<String> home = http.exchange("/camunda/app/" + app + "/default/",
                HttpMethod.GET, new HttpEntity<>(next), String.class);
        return new WebappSession(sessionId, cookie(home, "XSRF-TOKEN"));
    }

    @Test
    void aTasklistSessionReadsTheApiButNeverWritesThroughIt() {
        HttpHeaders session = logIn("tasklist", "agent").headers();

        ResponseEntity<String> read = http.exchange("/api/me", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        ResponseEntity<String> write = http.exchange("/api/invoices", HttpMethod.POST,
                new HttpEntity<>("{}", session), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains("\"id\":\"agent\"", "agents-recouvrement");
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCockpitSessionPreviewsAScenarioWithItsCsrfTokenAndWritesNothingElse() {
        WebappSession cockpit = logIn("cockpit", "analyste");
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("scenario", new FileSystemResource("bpmn/scenario-recouvrement.dmn"));

        HttpHeaders withToken = cockpit.headers();
        withToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        withToken.add("X-XSRF-TOKEN", cockpit.csrfToken());
        HttpHeaders withoutToken = cockpit.headers();
        withoutToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        HttpHeaders wrongToken = cockpit.headers();
        wrongToken.setContentType(MediaType.MULTIPART_FORM_DATA);
        wrongToken.add("X-XSRF-TOKEN", "not-" + cockpit.csrfToken());
        HttpHeaders otherWrite = cockpit.headers();
        otherWrite.setContentType(MediaType.APPLICATION_JSON);
        otherWrite.add("X-XSRF-TOKEN", cockpit.csrfToken());

        assertThat(http.postForEntity("/api/scenario/preview", new HttpEntity<>(parts, withToken), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // A page of another site can make the browser send the cookie, not read the token.
        assertThat(http.postForEntity("/api/scenario/preview", new HttpEntity<>(parts, withoutToken), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/scenario/preview", new HttpEntity<>(parts, wrongToken), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/invoices", new HttpEntity<>("{}", otherWrite), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("No cookie " + name + " in "
                        + response.getHeaders().get(HttpHeaders.SET_COOKIE)));
    }

    @Test
    void readOnlyGroupsMayNotWriteThroughTheApi() {
        ResponseEntity<String> analyst = http.withBasicAuth("analyste", "analyste").postForEntity("/api/me", "{}", String.class);
        ResponseEntity<String> agent = http.withBasicAuth("agent", "agent").postForEntity("/api/me", "{}", String.class);

        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(analyst.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // Past security; /api/me has no POST.
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void onlyAnalystsAndAdminsDeploy() throws IOException {
        assertThat(deployAs("agent").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAs("manager").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAs("analyste").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployAs("demo").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void agentsSeeTheSharedFiltersAndProcessesButNotTheAdminApplication() {
        ResponseEntity<String> filters = http.withBasicAuth("agent", "agent").getForEntity("/engine-rest/filter?firstResult=0&maxResults=50", String.class);
        assertThat(filters.getBody()).contains("Mes tâches", "Mon équipe", "À échéance aujourd'hui",
                "Courriers à poster", "En retard");

        ResponseEntity<String> definitions = http.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/process-definition?key=suivi-facture&firstResult=0&maxResults=10", String.class);
        assertThat(definitions.getBody()).contains("\"key\":\"suivi-facture\"");

        ResponseEntity<String> authorizations = http.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application"
                        + "&resourceType=0&resourceId=admin", String.class);
        assertThat(authorizations.getBody()).contains("\"authorized\":false");
    }

    @Test
    void aRestCallerGetsAtMost2000RowsAQuery() {
        TestRestTemplate agent = http.withBasicAuth("agent", "agent");

        assertThat(agent.getForEntity("/engine-rest/task?firstResult=0&maxResults=2001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(agent.getForEntity("/engine-rest/task?firstResult=0&maxResults=2000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void publicEndpointsStayPublic() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/me");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void tasklistCockpitAndAdminAnswer() {
        for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
            ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
            assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as(app).containsIgnoringCase("camunda");
        }
    }

    private ResponseEntity<String> deployAs(String user) throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "modeler-" + user);
        byte[] diagram = Files.readAllBytes(Path.of("bpmn/suivi-facture.bpmn"));
        form.add("data", new ByteArrayResource(diagram) {
            @Override
            public String getFilename() {
                return "suivi-facture.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), String.class);
    }
}
