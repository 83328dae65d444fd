package org.margin.ingress;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.margin.events.lms.LmsSource;
import org.margin.events.lms.LmsWebhooks;
import org.margin.ingress.intake.SubmissionIntake;
import org.margin.ingress.source.LmsSources;
import org.margin.ingress.webhook.GridReplayGuard;
import org.margin.ingress.webhook.WebhookEndpoint;
import org.margin.platform.Platform;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.telemetry.Telemetry;

/**
 * The LMS ingress: webhooks from Canvas, Moodle and any Caliper or xAPI source at {@code POST /webhooks/{source}},
 * proven authentic, fresh and new, their students made pseudonymous and their texts stored encrypted, announced as
 * {@code org.margin.submission.created.v1}. Read top to bottom, this is all its wiring.
 */
public final class LmsIngressFunction {

    public static final String NAME = "lms-ingress";
    public static final String VERSION = "0.1.0";

    private LmsIngressFunction() {
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings, the platform (store, keys,
     * grid, event sink) and the LMS sources ({@code MARGIN_LMS_SOURCES}). Opens no connection.
     *
     * @throws IllegalArgumentException naming the variable, when one is missing or unusable
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        List<LmsSource> sources = LmsSources.fromEnvironment(environment);
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        LmsWebhooks.Builder webhooks = LmsWebhooks.builder()
                .replayGuard(new GridReplayGuard(platform.grid(), Clock.systemUTC()));
        sources.forEach(webhooks::source);
        SubmissionIntake intake = new SubmissionIntake(platform.store(), platform.keyring(), platform.texts(),
                platform.pseudonyms(), telemetry.meter());
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .settings(settings)
                .telemetry(telemetry)
                .webhooks(new WebhookEndpoint(webhooks.build(), intake, platform.events(), platform.sink(),
                        platform.parentalConsent(), platform.heldEvents()))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void settled() {
                        platform.connectInBackground();
                    }

                    @Override
                    public void started(int port) {
                        System.getLogger(NAME).log(System.Logger.Level.INFO, () -> sources.size()
                                + " LMS source(s) configured: " + sources.stream().map(LmsSource::id).toList());
                    }

                    @Override
                    public void stopped() {
                        platform.close();
                    }
                });
    }
}
