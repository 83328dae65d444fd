package org.margin.analysis.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WordTableTest {

    @Test
    void findsWordsBySliceAndAnswersAbsentForOthers() {
        WordTable table = WordTable.builder().add("puzzle", 2).add("family", 3).add("a", 1).build();
        char[] text = "xxfamilyxx".toCharArray();

        assertThat(table.get(text, 2, 6)).isEqualTo(3);
        assertThat(table.get(text, 2, 5)).isEqualTo(WordTable.ABSENT);
        assertThat(table.get("a")).isEqualTo(1);
        assertThat(table.get("")).isEqualTo(WordTable.ABSENT);
        assertThat(table.contains("puzzle".toCharArray(), 0, 6)).isTrue();
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.longestKey()).isEqualTo(6);
    }

    @Test
    void keepsTheFirstValueOfAWordAddedTwice() {
        WordTable table = WordTable.builder().add("read", 1).add("read", 2).build();

        assertThat(table.get("read")).isEqualTo(1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void growsPastItsInitialCapacity() {
        WordTable.Builder builder = WordTable.builder();
        for (int i = 0; i < 20_000; i++) {
            builder.add("word" + i, i % 7);
        }
        WordTable table = builder.build();

        assertThat(table.size()).isEqualTo(20_000);
        assertThat(table.get("word0")).isZero();
        assertThat(table.get("word19999")).isEqualTo(19_999 % 7);
        assertThat(table.get("word20000")).isEqualTo(WordTable.ABSENT);
    }

    @Test
    void readsAsciiWordsFromBytes() {
        byte[] source = "[cat,dog]".getBytes(StandardCharsets.US_ASCII);
        WordTable table = WordTable.builder().add(source, 1, 4, 1).add(source, 5, 8, 2).build();

        assertThat(table.get("cat")).isEqualTo(1);
        assertThat(table.get("dog")).isEqualTo(2);
    }

    @Test
    void rejectsNegativeValuesAndNonAsciiBytes() {
        assertThatThrownBy(() -> WordTable.builder().add("x", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        byte[] latin1 = {'c', (byte) 0xE9};
        assertThatThrownBy(() -> WordTable.builder().add(latin1, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASCII");
    }

    @Test
    void survivesWritingAndReadingBack() {
        WordTable table = WordTable.builder().add("puzzle", 2).add("family", 3).add("family", 9).build();
        ByteBuffer buffer = ByteBuffer.allocate(table.serializedSize() + 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(42);
        table.writeTo(buffer);
        assertThat(buffer.position()).isEqualTo(table.serializedSize() + 4);

        buffer.flip().getInt();
        WordTable read = WordTable.readFrom(buffer, "test table");

        assertThat(read.get("puzzle")).isEqualTo(2);
        assertThat(read.get("family")).isEqualTo(3);
        assertThat(read.get("families")).isEqualTo(WordTable.ABSENT);
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.longestKey()).isEqualTo(6);
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void refusesBytesThatAreNotATable() {
        WordTable table = WordTable.builder().add("puzzle", 2).build();
        ByteBuffer buffer = ByteBuffer.allocate(table.serializedSize());
        table.writeTo(buffer);

        assertThatThrownBy(() -> WordTable.readFrom(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), "junk"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("junk");
        assertThatThrownBy(() -> WordTable.readFrom(ByteBuffer.wrap(buffer.array(), 0, 40), "cut"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut");
    }
}
