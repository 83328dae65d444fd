package org.margin.grid.coherence;

/** An instance's word that it dropped its copy of the entry a write notice named. */
record Acknowledgement(String writeId, String instance) {

    String encode() {
        return writeId + " " + instance;
    }

    static Acknowledgement decode(String text) {
        int space = text.indexOf(' ');
        return new Acknowledgement(text.substring(0, space), text.substring(space + 1));
    }
}
