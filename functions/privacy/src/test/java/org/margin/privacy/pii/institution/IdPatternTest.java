package org.margin.privacy.pii.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdPatternTest {

    @Test
    void matchesDigitsLettersLiteralsAndBoundedRepetition() {
        IdPattern pattern = IdPattern.compile("STU-@@#{4,6}");
        assertThat(pattern.matchAt("STU-AB12345", 0)).isEqualTo(11);
        assertThat(pattern.matchAt("stu-ab1234", 0)).isEqualTo(10);
        assertThat(pattern.matchAt("STU-AB123", 0)).isEqualTo(-1);
        assertThat(pattern.matchAt("STU-AB1234567", 0)).isEqualTo(-1);
    }

    @Test
    void aMatchMustStandAloneAsAWord() {
        IdPattern pattern = IdPattern.compile("S#{7}");
        assertThat(pattern.matchAt("XS1234567", 1)).isEqualTo(-1);
        assertThat(pattern.matchAt("S1234567b", 0)).isEqualTo(-1);
        assertThat(pattern.matchAt("(S1234567)", 1)).isEqualTo(9);
    }

    @Test
    void repetitionNeverGivesBack() {
        assertThat(IdPattern.compile("#{2,4}#").matchAt("1234", 0)).isEqualTo(-1);
        assertThat(IdPattern.compile("#{2,4}#").matchAt("12345", 0)).isEqualTo(5);
        assertThat(IdPattern.compile("#{2,4}-#").matchAt("1234-5", 0)).isEqualTo(6);
    }

    @Test
    void reportsWhatIsWrongWithABadPattern() {
        assertThat(IdPattern.parse("#{40}")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThat(IdPattern.parse("#{3")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThat(IdPattern.parse("{3}")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThat(IdPattern.parse("-#{3}")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThat(IdPattern.parse("A B")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThat(IdPattern.parse("")).isInstanceOf(IdPatternParse.Invalid.class);
        assertThatThrownBy(() -> IdPattern.compile("#{0}")).hasMessageContaining("repetition");
    }

    @Test
    void aBackslashMakesAPatternCharacterLiteral() {
        IdPattern pattern = IdPattern.compile("ID\\##{4}");
        assertThat(pattern.matchAt("ID#1234", 0)).isEqualTo(7);
        assertThat(pattern.matchAt("ID12345", 0)).isEqualTo(-1);
        assertThat(IdPattern.parse("\\##{3}")).isInstanceOf(IdPatternParse.Invalid.class);
    }
}
