package org.margin.ingress.intake;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.margin.events.lms.SubmissionContent;

/**
 * The text a student wrote, without the markup of the LMS's rich-text editor: block elements and line breaks
 * become line breaks, so paragraphs and sentences survive for the analysis. jsoup parses the HTML as a browser
 * would, which a hand-written tag stripper would not (entities, unclosed tags, comments, scripts). The text is
 * gathered in one walk of the parsed document and its white space tidied in one pass: every webhook comes through
 * here, and selecting, editing the document and three regular expressions made this a seventh of the ingress's CPU.
 */
final class PlainText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr");
    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template");

    private PlainText() {
    }

    static String of(SubmissionContent.Text content) {
        if (content.markup() == SubmissionContent.Markup.PLAIN) {
            return content.text().strip();
        }
        StringBuilder text = new StringBuilder(content.text().length());
        NodeTraversor.filter(new TextGatherer(text), Jsoup.parse(content.text()).body());
        return tidy(text);
    }

    /**
     * Runs of spaces, tabs, form feeds and carriage returns become one space, spaces beside a line break go, more
     * than two line breaks in a row become two, and the ends are stripped.
     */
    static String tidy(CharSequence raw) {
        StringBuilder tidy = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        int newlinesInRow = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = true;
            } else if (c == '\n') {
                pendingSpace = false;
                if (newlinesInRow < 2) {
                    tidy.append('\n');
                }
                newlinesInRow++;
            } else {
                if (pendingSpace && newlinesInRow == 0) {
                    tidy.append(' ');
                }
                pendingSpace = false;
                newlinesInRow = 0;
                tidy.append(c);
            }
        }
        return tidy.toString().strip();
    }

    /** Text nodes as written, a blank line after each block and each br, nothing of the hidden parts. */
    private record TextGatherer(StringBuilder text) implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element element && HIDDEN.contains(element.normalName())) {
                return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element
                    && (element.normalName().equals("br") || BLOCKS.contains(element.normalName()))) {
                text.append("\n\n");
            }
            return FilterResult.CONTINUE;
        }
    }
}
