package org.margin.benchmarks.analysis;

import java.util.concurrent.TimeUnit;

import org.margin.analysis.AnalysisOptions;
import org.margin.analysis.WritingAnalysis;
import org.margin.analysis.WritingAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first {@link WritingAnalyzer#analyze} call in a fresh JVM, which loads the pronouncing dictionary, the
 * familiar-word list and the hyphenation patterns: what the first request after a scale-from-zero pays on
 * top of start-up. Each fork is a new JVM and measures exactly one call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class FirstAnalysisBenchmark {

    @Benchmark
    public WritingAnalysis firstAnalysisInAFreshJvm() {
        return WritingAnalyzer.analyze(StudentEssay.TEXT, AnalysisOptions.defaults());
    }
}
