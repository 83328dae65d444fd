package org.margin.integrity.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.submission.SubmissionId;

class SimilarityCheckTest {

    static final String SOURCE = "Bees do far more for people than make honey. Roughly three quarters of the crops "
            + "that feed the world depend at least in part on animal pollination, and bees are the most important "
            + "pollinators among them. When a bee visits a flower to collect nectar, grains of pollen stick to the "
            + "fine hairs on its body and are carried to the next flower.";
    private static final String COPIED_PASSAGE = "Roughly three quarters of the crops that feed the world depend at "
            + "least in part on animal pollination";

    private final SimilarityCheck check = new SimilarityCheck(Winnowing.prose());

    @Test
    void aCopiedPassageIsOneSpanAtItsPlaceInBothTexts() {
        MemoryCourseIndex index = new MemoryCourseIndex();
        SubmissionId source = new SubmissionId(UUID.randomUUID());
        index.file(source, check.winnowing().fingerprint(SOURCE));
        String essay = "My own opening sentence about gardens and summer. " + COPIED_PASSAGE
                + ". Then I wrote something different about rivers and mountains.";

        SimilarityReport report = check.check(essay, index, Optional.empty(), 5);

        Match match = report.matches().getFirst();
        assertThat(match.submission()).isEqualTo(source);
        assertThat(match.spans()).hasSize(1);
        MatchedSpan span = match.spans().getFirst();
        String inEssay = essay.substring(span.checked().start(), span.checked().end());
        String inSource = SOURCE.substring(span.matched().start(), span.matched().end());
        assertThat(COPIED_PASSAGE).contains(inEssay);
        assertThat(COPIED_PASSAGE).contains(inSource);
        assertThat(inEssay.length()).isGreaterThan(COPIED_PASSAGE.length() / 2);
        assertThat(inSource).isEqualTo(inEssay);
    }

    @Test
    void anIdenticalTextIsWhollyContainedAndAnUnrelatedOneNotAtAll() {
        MemoryCourseIndex index = new MemoryCourseIndex();
        index.file(new SubmissionId(UUID.randomUUID()), check.winnowing().fingerprint(SOURCE));

        assertThat(check.check(SOURCE, index, Optional.empty(), 5).bestSimilarity()).isEqualTo(1.0);
        assertThat(check.check("Volcanic islands form where magma rises through oceanic crust over hot spots.",
                index, Optional.empty(), 5).matches()).isEmpty();
    }

    @Test
    void theExcludedSubmissionIsNeverItsOwnMatch() {
        MemoryCourseIndex index = new MemoryCourseIndex();
        SubmissionId own = new SubmissionId(UUID.randomUUID());
        index.file(own, check.winnowing().fingerprint(SOURCE));

        assertThat(check.check(SOURCE, index, Optional.of(own), 5).matches()).isEmpty();
    }
}
