package org.margin.analysis.submission;

import java.time.Duration;
import java.util.Optional;

import org.margin.analysis.AnalysisOptions;
import org.margin.analysis.WritingAnalysis;
import org.margin.analysis.WritingAnalyzer;
import org.margin.events.EventRead;
import org.margin.events.MarginEvents;
import org.margin.events.SubmissionCreated;
import org.margin.events.WritingAnalyzed;
import org.margin.platform.consent.ConsentGate;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.StoreException;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import io.cloudevents.CloudEvent;

/**
 * {@code submission.created} in, {@code writing.analyzed} out: reads the submission's text from the store (it is
 * opened here and nowhere else in this function), analyses it, and announces the figures, never the text. The
 * announcement's id derives from the submission, so analysing a redelivered submission again emits a duplicate
 * that the broker's subscribers drop. A student who withdrew consent to analysis is not analysed: the event is
 * acknowledged and dropped (the gate counts it).
 */
public final class SubmissionAnalysis implements CloudEventHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final SubmissionTexts texts;
    private final MarginEvents events;
    private final EventSink sink;
    private final ConsentGate consent;

    public SubmissionAnalysis(SubmissionTexts texts, MarginEvents events, EventSink sink, ConsentGate consent) {
        this.texts = texts;
        this.events = events;
        this.sink = sink;
        this.consent = consent;
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        if (!(MarginEvents.read(event, SubmissionCreated.class) instanceof EventRead.Valid<SubmissionCreated> valid)) {
            return EventOutcome.rejected("The event is not a valid " + event.getType() + ".");
        }
        SubmissionCreated created = valid.data();
        TenantId tenant = new TenantId(created.institutionId());
        Optional<SubmissionTexts.Text> text;
        try {
            if (!consent.admits(tenant, new PersonId(created.studentId()), Purpose.ANALYSIS)) {
                return EventOutcome.accepted();
            }
            text = texts.read(tenant, new SubmissionId(created.submissionId()));
        } catch (StoreException e) {
            return e.retryable()
                    ? EventOutcome.retryLater("The store is unavailable.", RETRY_AFTER)
                    : EventOutcome.rejected("The submission could not be read.");
        } catch (KeysetUnavailableException e) {
            return EventOutcome.retryLater("The keys are unavailable.", RETRY_AFTER);
        }
        if (text.isEmpty()) {
            return EventOutcome.rejected("The submission is not in the store.");
        }
        return switch (WritingAnalyzer.analyze(text.get().text(), AnalysisOptions.defaults())) {
            case WritingAnalysis.Rejected rejected -> EventOutcome.rejected(
                    "The submission cannot be analysed: " + rejected.reason() + ".");
            case WritingAnalysis.Completed completed -> {
                sink.send(events.createFor(new WritingAnalyzed(created.institutionId(), created.courseId(),
                        created.submissionId(), created.studentId(), created.submittedAt(), metrics(completed)),
                        created.submissionId().toString()));
                yield EventOutcome.accepted();
            }
        };
    }

    private static WritingAnalyzed.Metrics metrics(WritingAnalysis.Completed analysis) {
        var counts = analysis.counts().orElseThrow();
        var readability = analysis.readability().orElseThrow();
        var vocabulary = analysis.vocabulary().orElseThrow();
        var variety = analysis.sentenceVariety().orElseThrow();
        return new WritingAnalyzed.Metrics(counts.words(), counts.sentences(), counts.characters(), counts.syllables(),
                readability.fleschReadingEase(), readability.fleschKincaidGrade(), readability.gunningFog(),
                readability.smogIndex(), readability.colemanLiauIndex(), readability.automatedReadabilityIndex(),
                vocabulary.typeTokenRatio(), vocabulary.mtld(), variety.meanLength(),
                variety.lengthStandardDeviation());
    }
}
