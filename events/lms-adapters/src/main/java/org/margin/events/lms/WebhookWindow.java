package org.margin.events.lms;

import java.time.Duration;

/**
 * How long a signed webhook stays acceptable ({@code replayWindow}, counted from its signed timestamp) and how far
 * the sender's clock may run ahead of ours ({@code clockSkew}).
 */
record WebhookWindow(Duration replayWindow, Duration clockSkew) {
}
