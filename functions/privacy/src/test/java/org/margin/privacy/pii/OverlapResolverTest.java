package org.margin.privacy.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

    @Test
    void higherScoreWins() {
        Finding phone = new Finding(10, 21, EntityType.PHONE_NUMBER, 0.85, "phone-number");
        Finding ssn = new Finding(10, 21, EntityType.US_SSN, 0.95, "us-ssn");
        assertThat(OverlapResolver.resolve(List.of(phone, ssn))).containsExactly(ssn);
    }

    @Test
    void onEqualScoresTheLongerSpanWins() {
        Finding zip = new Finding(30, 35, EntityType.ZIP_CODE, 0.8, "zip-code");
        Finding address = new Finding(10, 35, EntityType.STREET_ADDRESS, 0.8, "street-address");
        assertThat(OverlapResolver.resolve(List.of(zip, address))).containsExactly(address);
    }

    @Test
    void onEqualScoresAndLengthsTheTypeDeclaredFirstWins() {
        Finding card = new Finding(0, 16, EntityType.CREDIT_CARD, 0.9, "credit-card");
        Finding phone = new Finding(0, 16, EntityType.PHONE_NUMBER, 0.9, "phone-number");
        assertThat(OverlapResolver.resolve(List.of(phone, card))).containsExactly(card);
    }

    @Test
    void keepsDisjointFindingsInTextOrderAndEndsAreExclusive() {
        Finding first = new Finding(0, 5, EntityType.PERSON, 0.6, "person");
        Finding touching = new Finding(5, 9, EntityType.AGE, 0.6, "age");
        Finding later = new Finding(20, 25, EntityType.PERSON, 0.9, "person");
        assertThat(OverlapResolver.resolve(List.of(later, touching, first))).containsExactly(first, touching, later);
    }

    @Test
    void theOutcomeDoesNotDependOnTheOrderOfTheInput() {
        Random random = new Random(7);
        List<Finding> findings = new ArrayList<>();
        EntityType[] types = EntityType.values();
        for (int i = 0; i < 60; i++) {
            int start = random.nextInt(200);
            findings.add(new Finding(start, start + 1 + random.nextInt(20), types[random.nextInt(types.length)],
                    random.nextInt(5) / 4.0, "r" + random.nextInt(3)));
        }
        List<Finding> expected = OverlapResolver.resolve(findings);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(findings, random);
            assertThat(OverlapResolver.resolve(findings)).isEqualTo(expected);
        }
        for (int i = 0; i < expected.size(); i++) {
            for (int j = i + 1; j < expected.size(); j++) {
                assertThat(expected.get(i).overlaps(expected.get(j))).isFalse();
            }
        }
    }
}
