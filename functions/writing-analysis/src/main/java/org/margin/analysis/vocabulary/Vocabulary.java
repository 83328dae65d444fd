package org.margin.analysis.vocabulary;

import java.util.OptionalDouble;

/**
 * How varied a text's words are.
 *
 * @param tokens         words
 * @param types          distinct words (after lower-casing and dropping punctuation)
 * @param typeTokenRatio types / tokens, in (0, 1]; falls as texts grow longer, so compare it only between
 *                       texts of similar length
 * @param mtld           Measure of Textual Lexical Diversity (McCarthy and Jarvis 2010), bidirectional; largely
 *                       independent of length, though unreliable under about 100 words. Empty when the text
 *                       repeats no word, since MTLD then has no finite value
 */
public record Vocabulary(int tokens, int types, double typeTokenRatio, OptionalDouble mtld) {
}
