package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;

class UrlRecognizerTest {

    private final UrlRecognizer recognizer = new UrlRecognizer();

    @Test
    void findsUrlsWithASchemeOrWwwWithoutTrailingPunctuation() {
        String text = "See https://www.FilmFranchise.dk/, or www.example.org/path?q=1. Also http://Smellology.be/";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("https://www.FilmFranchise.dk/", "www.example.org/path?q=1", "http://Smellology.be/");
        assertThat(Recognized.findings(recognizer, text)).allMatch(finding -> finding.type() == EntityType.URL);
    }

    @Test
    void findsBareDomainsWithAKnownTopLevelDomain() {
        assertThat(Recognized.findings(recognizer, "my blog is mayawrites.com and school.k12.ny.us"))
                .extracting(finding -> finding.type())
                .containsExactly(EntityType.DOMAIN_NAME, EntityType.DOMAIN_NAME);
    }

    @Test
    void ignoresFileNamesSentenceJoinsAndTheDomainOfAnEmail() {
        assertThat(Recognized.values(recognizer, "open notes.txt and main.js.It was fun. Mail a@teleworm.us")).isEmpty();
    }
}
