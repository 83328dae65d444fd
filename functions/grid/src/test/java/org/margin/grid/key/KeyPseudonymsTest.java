package org.margin.grid.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeyPseudonymsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void aPseudonymIsStableForItsKeyAndRevealsNothingOfTheIdentifier() {
        KeyPseudonyms pseudonyms = KeyPseudonyms.withKey(KEY);

        String pseudonym = pseudonyms.of("essays", "student-4711@school.example");

        assertThat(pseudonym).isEqualTo(KeyPseudonyms.withKey(KEY).of("essays", "student-4711@school.example"))
                .hasSize(43)
                .matches("[A-Za-z0-9_-]+")
                .doesNotContain("4711").doesNotContain("student").doesNotContain("school");
    }

    @Test
    void anotherKeyOrNamespaceGivesAnUnrelatedPseudonym() {
        KeyPseudonyms pseudonyms = KeyPseudonyms.withKey(KEY);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(pseudonyms.of("essays", "s1")).isNotEqualTo(pseudonyms.of("profiles", "s1"))
                .isNotEqualTo(KeyPseudonyms.withKey(otherKey).of("essays", "s1"));
        assertThat(pseudonyms.of("ab", "c")).isNotEqualTo(pseudonyms.of("a", "bc"));
    }

    @Test
    void concurrentCallersGetTheSameAnswers() {
        KeyPseudonyms pseudonyms = KeyPseudonyms.withKey(KEY);
        Set<String> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 10_000).parallel().forEach(index -> seen.add(pseudonyms.of("essays", "s" + index % 10)));

        assertThat(seen).hasSize(10);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> KeyPseudonyms.withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
