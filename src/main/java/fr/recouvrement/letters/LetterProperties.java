package fr.recouvrement.letters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recouvrement.letters.template-directory}: a folder whose templates replace the packaged ones of the same name
 * (the legal team's wording, changed without a rebuild); empty for the packaged templates only.
 */
@ConfigurationProperties("recouvrement.letters")
public record LetterProperties(String templateDirectory) {
}
