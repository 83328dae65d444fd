package org.margin.benchmarks.analysis;

import java.util.concurrent.TimeUnit;

import org.margin.analysis.AnalysisOptions;
import org.margin.analysis.Section;
import org.margin.analysis.WritingAnalysis;
import org.margin.analysis.WritingAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link WritingAnalyzer#analyze} on a 1,000-word essay once the word data is loaded, as a warm function
 * instance serves it. Target: median at most 1 ms, 99th percentile at most 3 ms. Sample time mode records
 * every call, so JMH reports the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class AnalyzeEssayBenchmark {

    private String essay;
    private AnalysisOptions everything;
    private AnalysisOptions readabilityOnly;

    @Setup
    public void checkTheEssayAndLoadTheWordData() {
        essay = StudentEssay.TEXT;
        everything = AnalysisOptions.defaults();
        readabilityOnly = AnalysisOptions.only(Section.READABILITY);
        WritingAnalysis analysis = WritingAnalyzer.analyze(essay, everything);
        if (!(analysis instanceof WritingAnalysis.Completed completed)) {
            throw new IllegalStateException("the benchmark essay was rejected: " + analysis);
        }
        int words = completed.counts().orElseThrow().words();
        if (words < 950 || words > 1050) {
            throw new IllegalStateException("the benchmark essay should have about 1,000 words, has " + words);
        }
    }

    @Benchmark
    public WritingAnalysis analyzeEverything() {
        return WritingAnalyzer.analyze(essay, everything);
    }

    @Benchmark
    public WritingAnalysis analyzeReadabilityOnly() {
        return WritingAnalyzer.analyze(essay, readabilityOnly);
    }
}
