package org.margin.analysis.sentences;

import java.util.List;

/**
 * How much the sentences of a text vary, in length and in how they open.
 *
 * @param sentences                   number of sentences
 * @param meanLength                  mean sentence length in words
 * @param lengthStandardDeviation     population standard deviation of sentence length in words
 * @param shortestLength              words in the shortest sentence
 * @param longestLength               words in the longest sentence
 * @param repeatedOpenings            words that open two or more sentences, most frequent first (ties in
 *                                    alphabetical order), at most as many as the options allow
 * @param consecutiveRepeatedOpenings sentences that open with the same word as the sentence just before
 */
public record SentenceVariety(int sentences, double meanLength, double lengthStandardDeviation, int shortestLength,
                              int longestLength, List<RepeatedOpening> repeatedOpenings,
                              int consecutiveRepeatedOpenings) {

    public SentenceVariety {
        repeatedOpenings = List.copyOf(repeatedOpenings);
    }
}
