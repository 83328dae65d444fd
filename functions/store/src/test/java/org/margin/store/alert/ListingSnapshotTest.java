package org.margin.store.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"100:100:", "100:104:100,102", "7:9:7", "100:104:101,101"})
    void takesWhatPostgresqlWrites(String text) {
        assertThat(ListingSnapshot.parse(text)).map(ListingSnapshot::text).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "100:104", "100:104:1", "0:4:", "104:100:", "100:104:104", "100:104:102,101",
            "100:104:,", "100:104:101,", "-1:4:", "1:4:2 ", "1e3:2000:", "1:99999999999999999999:", "1:4:2:3",
            "１:4:"})
    void refusesWhatItIsNot(String text) {
        assertThat(ListingSnapshot.parse(text)).isEmpty();
        assertThatThrownBy(() -> new ListingSnapshot(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATextLongerThanAnyServerWrites() {
        StringBuilder text = new StringBuilder("1:999999:");
        for (int id = 2; text.length() <= 8_192; id++) {
            text.append(id).append(',');
        }
        text.append("999998");
        assertThat(ListingSnapshot.parse(text.toString())).isEmpty();
    }
}
