package org.margin.runtime.auth;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

/**
 * Verifies a fixed ES256 signature a few times. The first ES256 check in a JVM runs the P-256 arithmetic in the
 * interpreter, about 100 ms on a two-core machine, which would otherwise fall on the first request after a cold
 * start; a few checks made beforehand initialise the JCA provider and nimbus and let the JIT compile the field
 * arithmetic, so that request's token costs a few milliseconds. The key was made for this purpose alone and signs
 * nothing else: the signature proves nothing and is never trusted, only checked.
 */
final class SignatureWarmUp {

    private static final String PUBLIC_KEY = """
            {"kty":"EC","crv":"P-256","x":"CDSbvGjOunBt9BbCaUxCU47FVSrvn1JMOwf17sqp_Ng",\
            "y":"hQjkMEADr37A9SmXwtiULCX6ePWDr6cuDGnra5b5Vec"}""";
    private static final String SIGNED = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ3YXJtIn0."
            + "k3IA_UFheAEepx6Qk1RtU8GKwfXWqV3Mc6vw1i7VYURvh732Gv-96piBYbIOPyRr-ZR6OBq3Z1OIn87QhcFh2g";
    /** Enough checks for the hot arithmetic to reach compiled code (measured: the fourth check takes a tenth of the first). */
    private static final int CHECKS = 4;

    private SignatureWarmUp() {
    }

    /** @return whether every check held (a false one means the vector or the JVM's provider is broken) */
    static boolean run() {
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(ECKey.parse(PUBLIC_KEY));
            boolean held = true;
            for (int i = 0; i < CHECKS; i++) {
                held &= JWSObject.parse(SIGNED).verify(verifier);
            }
            return held;
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }
}
