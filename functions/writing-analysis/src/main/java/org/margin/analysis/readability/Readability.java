package org.margin.analysis.readability;

/**
 * Readability scores, unrounded. Grade-level scores estimate the US school grade a reader needs; Flesch
 * Reading Ease runs the other way, higher being easier (60 to 70 is plain English).
 *
 * @param fleschReadingEase         Flesch Reading Ease
 * @param fleschKincaidGrade        Flesch-Kincaid grade level
 * @param gunningFog                Gunning Fog index
 * @param smogIndex                 SMOG index (McLaughlin), without the 30-sentence sampling
 * @param colemanLiauIndex          Coleman-Liau index
 * @param automatedReadabilityIndex Automated Readability Index
 * @param daleChallScore            New Dale-Chall score (a score, not a grade: 4.9 or lower is grade 4 and
 *                                  below, 9.0 to 9.9 is college level)
 */
public record Readability(double fleschReadingEase, double fleschKincaidGrade, double gunningFog, double smogIndex,
                          double colemanLiauIndex, double automatedReadabilityIndex, double daleChallScore) {
}
