package org.margin.grid.coherence;

/**
 * A write notice: the entry {@code key} of {@code mapName} changed; {@code writer} waits for every instance to
 * acknowledge {@code writeId}. Sent as text so that members need none of this module's classes.
 */
record Notice(String mapName, String key, String writeId, String writer) {

    String encode() {
        return String.join(" ", mapName, key, writeId, writer);
    }

    static Notice decode(String text) {
        String[] parts = text.split(" ", 4);
        return new Notice(parts[0], parts[1], parts[2], parts[3]);
    }
}
