package org.margin.ingress.intake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.margin.events.lms.SubmissionContent;

/**
 * The text a student wrote, without the markup of the LMS's rich-text editor: block elements and line breaks
 * become line breaks, so paragraphs and sentences survive for the analysis. jsoup parses the HTML as a browser
 * would, which a hand-written tag stripper would not (entities, unclosed tags, comments, scripts).
 */
final class PlainText {

    private static final String BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr";

    private PlainText() {
    }

    static String of(SubmissionContent.Text content) {
        if (content.markup() == SubmissionContent.Markup.PLAIN) {
            return content.text().strip();
        }
        Document document = Jsoup.parse(content.text());
        document.select("script, style, noscript, template").remove();
        for (Element lineBreak : document.select("br")) {
            lineBreak.after("\n");
        }
        for (Element block : document.select(BLOCKS)) {
            block.after("\n\n");
        }
        return document.body().wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
