package org.margin.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AnalysisOptionsTest {

    @Test
    void defaultsAskForEverything() {
        AnalysisOptions options = AnalysisOptions.defaults();

        assertThat(options.sections()).containsExactlyInAnyOrder(Section.values());
        assertThat(options.repeatedOpeningsLimit()).isEqualTo(10);
        assertThat(options.mtldThreshold()).isEqualTo(0.72);
    }

    @Test
    void keepsItsOwnCopyOfTheSections() {
        Set<Section> sections = EnumSet.of(Section.COUNTS);
        AnalysisOptions options = new AnalysisOptions(sections, 5, 0.72);
        sections.add(Section.VOCABULARY);

        assertThat(options.sections()).containsExactly(Section.COUNTS);
    }

    @Test
    void namesTheOptionThatIsOutOfRange() {
        assertThatThrownBy(() -> new AnalysisOptions(Set.of(), 5, 0.72))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sections");
        Set<Section> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> new AnalysisOptions(withNull, 5, 0.72))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sections");
        assertThatThrownBy(() -> AnalysisOptions.defaults().withRepeatedOpeningsLimit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("repeatedOpeningsLimit");
        assertThatThrownBy(() -> AnalysisOptions.defaults().withRepeatedOpeningsLimit(51))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("repeatedOpeningsLimit");
        for (double threshold : new double[] {0, 1, -0.5, Double.NaN}) {
            assertThatThrownBy(() -> AnalysisOptions.defaults().withMtldThreshold(threshold))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mtldThreshold");
        }
    }

    @Test
    void sectionsHaveWireNames() {
        assertThat(Section.SENTENCE_VARIETY.wireName()).isEqualTo("sentence_variety");
        assertThat(Section.fromWireName("Readability")).contains(Section.READABILITY);
        assertThat(Section.fromWireName("grammar")).isEmpty();
    }
}
