package fr.recouvrement.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A deployment as Camunda Modeler makes it: a multipart POST to /engine-rest/deployment/create, as an analyst. */
final class ModelerDeployment {

    private ModelerDeployment() {
    }

    static ResponseEntity<String> deployAsAnalyst(TestRestTemplate http, String name, Map<String, byte[]> files,
            boolean changedOnly) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", Boolean.toString(changedOnly));
        files.forEach((file, bytes) -> form.add(file, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("analyste", "analyste").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), String.class);
    }

    static ResponseEntity<String> deployAsAnalyst(TestRestTemplate http, String file, String content) {
        return deployAsAnalyst(http, "garde", Map.of(file, content.getBytes(StandardCharsets.UTF_8)), false);
    }
}
