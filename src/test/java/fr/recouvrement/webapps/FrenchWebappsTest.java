package fr.recouvrement.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.FastTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the welcome page speak French: every label of Camunda's English file has its French
 * one, key by key, so that an upgrade of the webapps that adds a label fails the build instead of showing English.
 */
@FastTest
class FrenchWebappsTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern MARKS = Pattern.compile("\\{\\{[^}]*}}|</?[a-zA-Z][^>]*>|%[sd]");

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = FrenchWebappsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // Camunda's files start with a byte-order mark.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }

    private static List<String> marks(String text) {
        List<String> found = new ArrayList<>();
        Matcher mark = MARKS.matcher(text);
        while (mark.find()) {
            found.add(mark.group().replace(" ", ""));
        }
        found.sort(null);
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void everyEnglishLabelHasItsFrenchOne(String app) throws IOException {
        JsonNode english = read(APPS + app + "/locales/en.json").path("labels");
        JsonNode french = read(APPS + app + "/locales/fr.json").path("labels");

        TreeSet<String> missing = new TreeSet<>();
        List<String> broken = new ArrayList<>();
        for (Iterator<String> keys = english.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            JsonNode value = french.path(key);
            if (!value.isTextual() || value.asText().isBlank() && !english.path(key).asText().isBlank()) {
                missing.add(key);
            } else if (!marks(english.path(key).asText()).equals(marks(value.asText()))) {
                broken.add(key + ": " + value.asText());
            }
        }
        TreeSet<String> stale = new TreeSet<>();
        french.fieldNames().forEachRemaining(key -> {
            if (!english.has(key)) {
                stale.add(key);
            }
        });
        assertThat(missing).as("labels of %s without French", app).isEmpty();
        assertThat(broken).as("French labels of %s that lost a placeholder or a tag", app).isEmpty();
        assertThat(stale).as("French labels of %s Camunda no longer has", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin"})
    void datesAreFrenchWithTheWeekStartingOnMonday(String app) throws IOException {
        JsonNode english = read(APPS + app + "/locales/en.json").path("dateLocales");
        JsonNode french = read(APPS + app + "/locales/fr.json").path("dateLocales");

        assertThat(french.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(french.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
        assertThat(french.path("week").path("dow").asInt()).isEqualTo(1);
        assertThat(french.path("months").get(7).asText()).isEqualTo("août");
        assertThat(french.path("weekdays").get(1).asText()).isEqualTo("lundi");
        // Every entry Camunda's English locale defines, defined in French too.
        english.fieldNames().forEachRemaining(field -> assertThat(french.has(field)).as(field).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void eachAppOffersFrenchFirstAndHidesTheEndOfLifeBanner(String app) throws IOException {
        String config = text(APPS + app + "/scripts/config.js");
        assertThat(config).contains("availableLocales: ['fr', 'en']", "fallbackLocale: 'fr'");
        assertThat(text(APPS + app + "/styles/user-styles.css"))
                .contains(".ce-eol-banner {\n  display: none;", "padding-top: 45px");
        if ("tasklist".equals(app)) {
            // This file replaces Camunda's whole: its keyboard shortcuts must stay.
            assertThat(config).contains("claimTask", "focusFilter", "focusList", "focusForm", "startProcess");
        }
    }

    private static String text(String path) throws IOException {
        try (InputStream in = FrenchWebappsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
