package org.margin.analysis.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BundledLexiconTest {

    @Test
    void visitsSingleAndDoubleQuotedLiteralsInOrder() {
        byte[] source = bytes("export const x = { \"don't\": \"D OW1 N T\", 'a': 'AH0' }");
        List<String> literals = new ArrayList<>();

        int count = BundledLexicon.forEachLiteral(source, 0, source.length, "test",
                (bytes, start, end) -> literals.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII)));

        assertThat(count).isEqualTo(4);
        assertThat(literals).containsExactly("don't", "D OW1 N T", "a", "AH0");
    }

    @Test
    void refusesEscapesAndUnterminatedLiterals() {
        byte[] escaped = bytes("['it\\'s']");
        byte[] open = bytes("['its");

        assertThatThrownBy(() -> BundledLexicon.forEachLiteral(escaped, 0, escaped.length, "list", (b, s, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("list");
        assertThatThrownBy(() -> BundledLexicon.forEachLiteral(open, 0, open.length, "list", (b, s, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unterminated");
    }

    @Test
    void findsMarkersOrSaysWhichIsMissing() {
        byte[] source = bytes("const words = ['a']");

        assertThat(BundledLexicon.indexAfter(source, "words = [", "file")).isEqualTo(15);
        assertThat(BundledLexicon.indexOf(source, (byte) ']', 0, "file")).isEqualTo(18);
        assertThatThrownBy(() -> BundledLexicon.indexAfter(source, "patterns: [", "file"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("patterns: [");
    }

    @Test
    void namesTheMissingPackageWhenWordDataIsAbsent() {
        assertThatThrownBy(() -> BundledLexicon.read("no-such-package", "index.js"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-package")
                .hasMessageContaining("missing");
    }

    @Test
    void readsTheBundledPackagesAndTheirLicences() {
        assertThat(BundledLexicon.read("cmu-pronouncing-dictionary", "license")).isNotEmpty();
        assertThat(BundledLexicon.read("dale-chall", "license")).isNotEmpty();
        assertThat(BundledLexicon.read("hyphenated-en-us", "LICENSE")).isNotEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
