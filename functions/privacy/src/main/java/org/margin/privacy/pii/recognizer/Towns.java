package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.WordSet;

/** How English names its towns, for the recognizers that must tell a town from a person or a number. */
final class Towns {

    /** Words that open a town's name: North Judith, New Castle, Lake Placid, Port Augusta, Mount Vernon. */
    static final WordSet PREFIXES = WordSet.of(
            "north", "south", "east", "west", "new", "lake", "port", "mount", "mt", "fort", "cape");

    private Towns() {
    }
}
