package org.margin.ingress.intake;

import java.util.concurrent.TimeUnit;

import org.margin.events.lms.SubmissionContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An essay of 1,000 words from an LMS's rich-text editor (paragraphs, emphasis, a list, an entity or two) made
 * plain, as every webhook's text is: the time of one conversion, sampled.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 3)
@Threads(1)
public class PlainTextBenchmark {

    private SubmissionContent.Text essay;

    @Setup
    public void setUp() {
        StringBuilder html = new StringBuilder("<h2>What the river taught our town</h2>");
        for (int paragraph = 0; paragraph < 20; paragraph++) {
            html.append("<p>Every spring the water rises over the low fields and leaves a layer of <b>dark silt</b> ")
                    .append("behind, and the farmers plant in it as soon as the mud dries. The bridge was built ")
                    .append("three times before the engineers understood the current&nbsp;&mdash; ")
                    .append("<i>that</i> is what my grandmother says, paragraph ").append(paragraph).append(".</p>\n");
            if (paragraph % 7 == 3) {
                html.append("<ul><li>the mill</li><li>the ferry</li><li>the school&amp;library</li></ul>\n");
            }
        }
        essay = new SubmissionContent.Text(html.toString(), SubmissionContent.Markup.HTML, false);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String plainText() {
        return PlainText.of(essay);
    }
}
