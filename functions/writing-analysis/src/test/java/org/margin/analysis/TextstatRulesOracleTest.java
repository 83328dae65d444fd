package org.margin.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.margin.analysis.sentences.Sentences;
import org.margin.analysis.text.WordTokens;

/**
 * The single-pass scanners against textstat's own rules, written here as the regular expressions textstat
 * uses. On ASCII text Java's and Python's {@code \w}, {@code \s} and {@code \b} mean the same, so the two
 * must agree exactly.
 */
class TextstatRulesOracleTest {

    private static final Pattern NON_CONTRACTION_APOSTROPHE = Pattern.compile("'(?!(?:[tsd]|ve|ll|re))");
    private static final Pattern PUNCTUATION_BUT_APOSTROPHE = Pattern.compile("[^\\w\\s']");
    private static final Pattern SENTENCE = Pattern.compile("\\b[^.!?]+[.!?]*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    @Property(tries = 500)
    void wordsLettersAndCharactersFollowTextstat(@ForAll("asciiProse") String text) {
        WordTokens tokens = WordTokens.of(text);
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < tokens.wordCount(); i++) {
            ours.add(tokens.word(i));
        }

        // textstat drops punctuation before lower-casing, so "DON'T" loses its apostrophe.
        List<String> theirs = textstatWords(text).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();

        assertThat(ours).isEqualTo(theirs);
        assertThat(tokens.tokenCount()).isEqualTo(split(text).size());
        assertThat(tokens.letterCount()).isEqualTo(text.replaceAll("\\W", "").length());
        assertThat(tokens.characterCount()).isEqualTo(text.replaceAll("\\s", "").length());
    }

    @Property(tries = 500)
    void sentencesFollowTextstat(@ForAll("asciiProse") String text) {
        Matcher sentences = SENTENCE.matcher(text);
        int found = 0;
        int tooShort = 0;
        while (sentences.find()) {
            found++;
            if (textstatWords(sentences.group()).size() <= 2) {
                tooShort++;
            }
        }

        assertThat(Sentences.of(text).count()).isEqualTo(Math.max(1, found - tooShort));
    }

    /** textstat's list_words: drop non-contraction apostrophes, then other punctuation, then split. */
    private static List<String> textstatWords(String text) {
        String withoutStrayApostrophes = NON_CONTRACTION_APOSTROPHE.matcher(text).replaceAll("");
        return split(PUNCTUATION_BUT_APOSTROPHE.matcher(withoutStrayApostrophes).replaceAll(""));
    }

    private static List<String> split(String text) {
        return Arrays.stream(WHITE_SPACE.split(text.strip())).filter(word -> !word.isEmpty()).toList();
    }

    @Provide
    Arbitrary<String> asciiProse() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("The", "a", "I", "puzzle", "don't", "DON'T", "it's", "'tis", "you're", "we've",
                        "rock'n'roll", "Joneses'", "o'clock", "well-balanced", "T.V.", "e.g.", "etc.", "Mr.",
                        "3.5", "500", "\"quoted\"", "'single'", "--", "&", "...", "?!", "(aside)", "snake_case",
                        "x", "re-enter", "it'd", "they'll", "'", "''", "'t"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9),
                Arbitraries.strings().withChars("abcXYZ09_'.!?-,;:\"").ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", ", ", ". ", "! ", "? ", "\n", "\n\n",
                "\t", ".", "");
        return Combinators.combine(word, separator).as(String::concat).list().ofMinSize(1).ofMaxSize(60)
                .map(pieces -> String.join("", pieces));
    }
}
