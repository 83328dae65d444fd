package org.margin.ingress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.margin.events.lms.SubmissionContent;

class PlainTextTest {

    @Test
    void paragraphsListsAndHeadingsBecomeParagraphs() {
        assertThat(html("<h2>My summer</h2><p>We went to the <b>lake</b>.</p><ul><li>swimming</li><li>fishing</li></ul>"))
                .isEqualTo("My summer\n\nWe went to the lake.\n\nswimming\n\nfishing");
    }

    @Test
    void lineBreaksAndTableRowsSeparateTheirText() {
        assertThat(html("first line<br>second line<br/>third")).isEqualTo("first line\n\nsecond line\n\nthird");
        assertThat(html("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")).isEqualTo("ab\n\nc");
    }

    @Test
    void scriptsStylesAndCommentsAreNotText() {
        assertThat(html("<p>Hello<script>alert(1)</script><style>p{color:red}</style><!-- note --> there</p>"
                + "<noscript>enable it</noscript><template>later</template>")).isEqualTo("Hello there");
    }

    @Test
    void entitiesAreDecodedAndUnclosedTagsForgiven() {
        assertThat(html("<p>Fish &amp; chips &lt;3<p>caf&eacute; <i>open")).isEqualTo("Fish & chips <3\n\ncafé open");
    }

    @Test
    void whiteSpaceIsTidied() {
        assertThat(html("  <p> one \t\r\n  two </p>\n\n\n\n<p>\u000Bthree\f</p>  "))
                .isEqualTo("one\ntwo\n\nthree");
        assertThat(html("a\u00a0 b")).as("a no-break space is kept").isEqualTo("a\u00a0 b");
    }

    @Test
    void plainTextIsOnlyStripped() {
        assertThat(PlainText.of(new SubmissionContent.Text("  <p>not markup</p>  \n", SubmissionContent.Markup.PLAIN,
                false))).isEqualTo("<p>not markup</p>");
    }

    private static String html(String markup) {
        return PlainText.of(new SubmissionContent.Text(markup, SubmissionContent.Markup.HTML, false));
    }
}
