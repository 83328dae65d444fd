package org.margin.privacy.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static LabelledText template(int id) {
        return new LabelledText("text", List.of(), id);
    }

    @Test
    void theDevelopmentHalfSplitsIntoTwoQuartersByTemplate() {
        List<LabelledText> texts = List.of(template(0), template(2), template(4), template(6), template(1),
                template(3), template(-1));
        assertThat(Evaluation.part(texts, Split.DEV_A)).extracting(LabelledText::templateId).containsExactly(0, 4);
        assertThat(Evaluation.part(texts, Split.DEV_B)).extracting(LabelledText::templateId).containsExactly(2, 6);
        assertThat(Evaluation.part(texts, Split.DEVELOPMENT)).hasSize(4);
        assertThat(Evaluation.part(texts, Split.HELD_OUT)).extracting(LabelledText::templateId)
                .containsExactly(1, 3, -1);
        assertThat(Evaluation.part(texts, Split.WHOLE)).hasSize(texts.size());
    }

    @Test
    void optionNamesAreTheCommandLineNames() {
        assertThat(Split.ofOptionName("dev-b")).contains(Split.DEV_B);
        assertThat(Split.ofOptionName("held-out")).contains(Split.HELD_OUT);
        assertThat(Split.ofOptionName("dev")).isEmpty();
    }
}
