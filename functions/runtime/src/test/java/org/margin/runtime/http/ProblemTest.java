package org.margin.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.helidon.http.Status;

class ProblemTest {

    @Test
    void isAnRfc9457Document() {
        Problem problem = Problem.of(Status.BAD_REQUEST_400, "invalid-cloudevent", "Not a valid CloudEvent",
                "Required attribute 'id' is missing; \"quotes\" and \\ are escaped.");

        assertThat(new String(problem.toJson(), StandardCharsets.UTF_8)).isEqualTo("{"
                + "\"type\":\"urn:margin:problem:invalid-cloudevent\","
                + "\"title\":\"Not a valid CloudEvent\","
                + "\"status\":400,"
                + "\"detail\":\"Required attribute 'id' is missing; \\\"quotes\\\" and \\\\ are escaped.\"}");
        assertThat(Problem.MEDIA_TYPE.text()).isEqualTo("application/problem+json");
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(Problem.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Problem.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(Problem.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(Problem.retryAfterSeconds(Duration.ZERO)).isZero();
        assertThat(Problem.retryAfterSeconds(Duration.ofSeconds(-5))).isZero();
    }
}
