package org.margin.integrity.winnowing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

/** Winnowing's two guarantees, against a brute-force reading of its definition. */
class WinnowerPropertiesTest {

    @Property
    void everyWindowHasItsRightmostMinimumSelected(@ForAll @Size(max = 200) List<@LongRange(min = 0, max = 20) Long> values,
                                                   @ForAll @IntRange(min = 1, max = 12) int w) {
        long[] hashes = values.stream().mapToLong(Long::longValue).toArray();
        int[] selected = new int[hashes.length];
        int count = Winnower.select(hashes, w, selected);

        java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
        int windows = Math.max(1, hashes.length - w + 1);
        for (int start = 0; start < windows && hashes.length > 0; start++) {
            int best = start;
            for (int i = start; i < Math.min(hashes.length, start + w); i++) {
                if (hashes[i] <= hashes[best]) {
                    best = i;
                }
            }
            expected.add(best);
        }
        assertThat(java.util.Arrays.stream(selected, 0, count).boxed().toList())
                .containsExactlyElementsOf(expected);
    }

    @Property
    void aSharedPassageOfTheGuaranteeLengthSharesAFingerprint(
            @ForAll @Size(min = 8, max = 40) List<@IntRange(min = 0, max = 50) Integer> passage,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 50) Integer> before,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 50) Integer> after) {
        Winnowing winnowing = new Winnowing(new org.margin.integrity.text.Normaliser(
                org.margin.integrity.text.Units.WORDS, false), 2, 4);
        String shared = words(passage);
        TextFingerprints one = winnowing.fingerprint(words(before) + " " + shared);
        TextFingerprints two = winnowing.fingerprint(shared + " " + words(after));

        java.util.Set<Long> first = new java.util.HashSet<>();
        for (long hash : one.distinctHashes()) {
            first.add(hash);
        }
        assertThat(java.util.Arrays.stream(two.distinctHashes()).anyMatch(first::contains)).isTrue();
    }

    private static String words(List<Integer> ids) {
        StringBuilder text = new StringBuilder();
        for (int id : ids) {
            text.append(" w").append(Integer.toString(id, 36)).append("q");
        }
        return text.toString();
    }
}
