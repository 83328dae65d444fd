package org.margin.analysis.sentences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.margin.analysis.text.WordTokens;
import org.margin.analysis.text.WordTypes;

/** Measures {@link SentenceVariety} from a text's words and sentences. */
public final class SentenceVarietyMeasure {

    private SentenceVarietyMeasure() {
    }

    public static SentenceVariety measure(WordTokens words, WordTypes types, Sentences sentences,
                                          int openingsLimit) {
        int sentenceCount = sentences.count();
        int[] lengths = new int[sentenceCount];
        int[] openingType = new int[sentenceCount];
        Arrays.fill(openingType, -1);

        int sentence = 0;
        for (int word = 0, wordCount = words.wordCount(); word < wordCount; word++) {
            while (sentence < sentenceCount - 1 && words.sourceStart(word) >= sentences.boundaryAfter(sentence)) {
                sentence++;
            }
            if (lengths[sentence]++ == 0) {
                openingType[sentence] = types.typeOf(word);
            }
        }

        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        long total = 0;
        for (int length : lengths) {
            shortest = Math.min(shortest, length);
            longest = Math.max(longest, length);
            total += length;
        }
        double mean = (double) total / sentenceCount;
        double squares = 0;
        for (int length : lengths) {
            double deviation = length - mean;
            squares += deviation * deviation;
        }
        double standardDeviation = Math.sqrt(squares / sentenceCount);

        return new SentenceVariety(sentenceCount, mean, standardDeviation, shortest, longest,
                repeatedOpenings(words, types, openingType, openingsLimit), consecutiveRepeats(openingType));
    }

    private static List<RepeatedOpening> repeatedOpenings(WordTokens words, WordTypes types, int[] openingType,
                                                          int limit) {
        int[] opensSentences = new int[types.typeCount()];
        int repeatedTypes = 0;
        for (int type : openingType) {
            if (type >= 0 && ++opensSentences[type] == 2) {
                repeatedTypes++;
            }
        }
        if (repeatedTypes == 0 || limit == 0) {
            return List.of();
        }
        List<RepeatedOpening> repeated = new ArrayList<>(repeatedTypes);
        for (int type = 0; type < opensSentences.length; type++) {
            if (opensSentences[type] >= 2) {
                repeated.add(new RepeatedOpening(words.word(types.firstOccurrence(type)), opensSentences[type]));
            }
        }
        repeated.sort((a, b) -> a.sentences() != b.sentences()
                ? Integer.compare(b.sentences(), a.sentences())
                : a.word().compareTo(b.word()));
        return repeated.size() > limit ? repeated.subList(0, limit) : repeated;
    }

    private static int consecutiveRepeats(int[] openingType) {
        int repeats = 0;
        for (int i = 1; i < openingType.length; i++) {
            if (openingType[i] >= 0 && openingType[i] == openingType[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }
}
