package org.margin.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up's fixed signature checks out, so the warm-up runs the real verification path to its end. */
class SignatureWarmUpTest {

    @Test
    void theFixedSignatureVerifies() {
        assertThat(SignatureWarmUp.run()).isTrue();
    }
}
