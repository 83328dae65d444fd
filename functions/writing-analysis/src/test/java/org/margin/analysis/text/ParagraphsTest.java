package org.margin.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParagraphsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "One paragraph only.|1",
            "First line.\\nSecond line.\\nThird line.|3",
            "First paragraph,\\nwrapped by hand.\\n\\nSecond paragraph.|2",
            "\\n\\n  Leading and trailing blank lines.  \\n\\n|1",
            "Windows\\r\\n\\r\\nline ends.|2",
            "Old Mac\\r\\rline ends.|2",
            "A\\n   \\t \\nB\\n\\n\\n\\nC|3",
            "Separators\\u2029paragraph\\u2028line.|3"})
    void countsParagraphs(String escaped, int expected) {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r")
                .replace("\\t", "\t").replace("\\u2029", "\u2029").replace("\\u2028", "\u2028");

        assertThat(Paragraphs.count(text)).isEqualTo(expected);
    }
}
