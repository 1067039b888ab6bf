package fr.recouvrement.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.LedgerFixtures;
import fr.recouvrement.RecouvrementSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** POST /api/dossiers/{number}/documents: the scan of a signed plan kept with the dossier, checked by its content. */
@RecouvrementSpringTest
class DossierDocumentApiTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    String dossier;

    @BeforeEach
    void dossier() {
        String invoice = LedgerFixtures.newNumber("DOC");
        LedgerFixtures fixtures = new LedgerFixtures(http, jdbc);
        fixtures.registerB2b(invoice, LedgerFixtures.newSiren(), "2026-09-30", "1000.00");
        dossier = fixtures.openDossier("RELANCE_1", "2026-09-30", invoice);
    }

    @Test
    void aScanIsStoredListedInTheDossierAndReadBack() {
        ResponseEntity<JsonNode> pdf = upload("C:\\Scans\\echeancier-signe.pdf", PDF);
        ResponseEntity<JsonNode> png = upload("page2.png", PNG);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = pdf.getBody().get("id").asLong();
        assertThat(pdf.getHeaders().getLocation().getPath()).isEqualTo("/api/dossiers/" + dossier + "/documents/" + id);
        assertThat(pdf.getBody().get("fileName").asText()).isEqualTo("echeancier-signe.pdf");
        assertThat(pdf.getBody().get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.getBody().get("sizeBytes").asInt()).isEqualTo(PDF.length);
        assertThat(pdf.getBody().get("uploadedBy").asText()).isEqualTo("agent");
        assertThat(png.getBody().get("mediaType").asText()).isEqualTo("image/png");

        JsonNode shown = http.withBasicAuth("agent", "agent").getForObject("/api/dossiers/" + dossier, JsonNode.class);
        assertThat(shown.get("documents").findValuesAsText("fileName"))
                .containsExactly("echeancier-signe.pdf", "page2.png");
        ResponseEntity<byte[]> content = http.withBasicAuth("agent", "agent")
                .getForEntity("/api/dossiers/" + dossier + "/documents/" + id, byte[].class);
        assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(content.getBody()).isEqualTo(PDF);
    }

    @Test
    void whatIsNotAPdfNorAnImageOrTooLargeIsRefusedAndNothingIsStored() {
        ResponseEntity<JsonNode> disguised = upload("echeancier.pdf", "Bonjour, voici l'échéancier."
                .getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(disguised.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(disguised.getBody().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(disguised.getBody().at("/errors/0/message").asText()).contains("ni un PDF, ni une image JPEG ou PNG");

        ResponseEntity<JsonNode> empty = upload("vide.pdf", new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().at("/errors/0/message").asText()).isEqualTo("Le fichier est vide.");

        // 10 Mo and one byte, starting as a PDF.
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        ResponseEntity<JsonNode> tooLarge = upload("gros.pdf", large);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getBody().get("detail").asText()).startsWith("Le document dépasse 10 Mo");

        MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("other", "x");
        ResponseEntity<JsonNode> missing = post(dossier, noFile);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().at("/errors/0/field").asText()).isEqualTo("file");

        assertThat(http.withBasicAuth("agent", "agent").getForObject("/api/dossiers/" + dossier + "/documents",
                JsonNode.class)).isEmpty();

        ResponseEntity<JsonNode> unknown = post("D-INCONNU", file("a.pdf", PDF));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> upload(String fileName, byte[] content) {
        return post(dossier, file(fileName, content));
    }

    private static MultiValueMap<String, Object> file(String fileName, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return body;
    }

    private ResponseEntity<JsonNode> post(String number, MultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("agent", "agent").postForEntity("/api/dossiers/" + number + "/documents",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
