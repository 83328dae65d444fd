package org.margin.analysis.lexicon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsLiteralsTest {

    @Test
    void visitsSingleAndDoubleQuotedLiteralsInOrder() {
        byte[] source = bytes("export const x = { \"don't\": \"D OW1 N T\", 'a': 'AH0' }");
        List<String> literals = new ArrayList<>();

        int count = JsLiterals.forEach(source, 0, source.length, "test",
                (bytes, start, end) -> literals.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII)));

        assertThat(count).isEqualTo(4);
        assertThat(literals).containsExactly("don't", "D OW1 N T", "a", "AH0");
    }

    @Test
    void refusesEscapesAndUnterminatedLiterals() {
        byte[] escaped = bytes("['it\\'s']");
        byte[] open = bytes("['its");

        assertThatThrownBy(() -> JsLiterals.forEach(escaped, 0, escaped.length, "list", (b, s, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("list");
        assertThatThrownBy(() -> JsLiterals.forEach(open, 0, open.length, "list", (b, s, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unterminated");
    }

    @Test
    void findsMarkersOrSaysWhichIsMissing() {
        byte[] source = bytes("const words = ['a']");

        assertThat(JsLiterals.indexAfter(source, "words = [", "file")).isEqualTo(15);
        assertThat(JsLiterals.indexOf(source, (byte) ']', 0, "file")).isEqualTo(18);
        assertThatThrownBy(() -> JsLiterals.indexAfter(source, "patterns: [", "file"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("patterns: [");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
