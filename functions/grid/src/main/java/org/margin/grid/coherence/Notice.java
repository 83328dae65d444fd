package org.margin.grid.coherence;

import java.util.Arrays;
import java.util.List;

/**
 * A write notice: the entries {@code keys} of {@code mapName} changed; {@code writer} waits for every instance to
 * acknowledge {@code writeId}. Sent as text so that members need none of this module's classes. The keys come
 * last: an instance that still reads one key per notice then acknowledges nothing, and the writer strikes it,
 * instead of acknowledging a key it never dropped.
 */
record Notice(String mapName, List<String> keys, String writeId, String writer) {

    Notice {
        keys = List.copyOf(keys);
    }

    String encode() {
        return mapName + " " + writeId + " " + writer + " " + String.join(" ", keys);
    }

    static Notice decode(String text) {
        String[] parts = text.split(" ");
        return new Notice(parts[0], Arrays.asList(parts).subList(3, parts.length), parts[1], parts[2]);
    }
}
