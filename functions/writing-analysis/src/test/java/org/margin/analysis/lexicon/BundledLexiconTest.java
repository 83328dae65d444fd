package org.margin.analysis.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BundledLexiconTest {

    @Test
    void namesTheMissingTable() {
        assertThatThrownBy(() -> BundledLexicon.read("no-such.table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such.table")
                .hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmu-pronouncing-dictionary/license", "dale-chall/license", "hyphenated-en-us/LICENSE"})
    void shipsTheLicenceOfEachPackageTheTablesComeFrom(String licence) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + BundledLexicon.RESOURCE_FOLDER + licence)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes())).containsIgnoringCase("permission");
        }
    }
}
