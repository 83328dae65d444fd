package org.margin.privacy.pii.institution;

import java.util.ArrayList;
import java.util.List;
import org.margin.privacy.pii.text.Chars;

/**
 * A student or staff id shape that an institution configures, in a small pattern language that cannot
 * backtrack:
 *
 * <ul>
 *   <li>{@code #} a digit, {@code @} a letter, {@code *} a letter or a digit;</li>
 *   <li>any other character stands for itself (letters ignoring case); {@code \} makes the next one literal;</li>
 *   <li>{@code {n}} or {@code {m,n}} after an element repeats it, at most {@value #MAX_REPEAT} times.</li>
 * </ul>
 *
 * <p>For example {@code S#{7}} matches S1234567 and {@code STU-@@#{4,6}} matches STU-AB12345. A repeated element
 * takes as many characters as it can and never gives any back, so {@code #{2,4}#} matches nothing: matching is
 * linear in the length of the text whatever the pattern. A match must start and end at a word boundary.
 */
public final class IdPattern {

    static final int MAX_REPEAT = 32;
    static final int MAX_ELEMENTS = 32;

    private final String source;
    private final Element[] elements;
    private final boolean hasLiteral;

    private IdPattern(String source, Element[] elements) {
        this.source = source;
        this.elements = elements;
        boolean literal = false;
        for (Element element : elements) {
            literal |= element.kind == Kind.LITERAL && Character.isLetterOrDigit(element.literal);
        }
        this.hasLiteral = literal;
    }

    /** Parses a pattern, reporting what is wrong with it instead of throwing. */
    public static IdPatternParse parse(String source) {
        if (source == null || source.isBlank()) {
            return new IdPatternParse.Invalid("the pattern is empty", 0);
        }
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            Element element;
            if (c == '#') {
                element = new Element(Kind.DIGIT, c);
            } else if (c == '@') {
                element = new Element(Kind.LETTER, c);
            } else if (c == '*') {
                element = new Element(Kind.ALPHANUMERIC, c);
            } else if (c == '\\') {
                if (i + 1 >= source.length()) {
                    return new IdPatternParse.Invalid("a backslash must be followed by the character it escapes", i);
                }
                element = new Element(Kind.LITERAL, source.charAt(++i));
            } else if (c == '{' || c == '}') {
                return new IdPatternParse.Invalid("a repetition must follow an element", i);
            } else if (Character.isWhitespace(c)) {
                return new IdPatternParse.Invalid("spaces are not allowed in an id pattern", i);
            } else {
                element = new Element(Kind.LITERAL, c);
            }
            i++;
            if (i < source.length() && source.charAt(i) == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    return new IdPatternParse.Invalid("an unclosed repetition", i);
                }
                String counts = source.substring(i + 1, close);
                int comma = counts.indexOf(',');
                int min;
                int max;
                try {
                    min = Integer.parseInt(comma < 0 ? counts : counts.substring(0, comma));
                    max = comma < 0 ? min : Integer.parseInt(counts.substring(comma + 1));
                } catch (NumberFormatException e) {
                    return new IdPatternParse.Invalid("a repetition needs {n} or {m,n} with whole numbers", i);
                }
                if (min < 1 || max < min || max > MAX_REPEAT) {
                    return new IdPatternParse.Invalid(
                            "a repetition needs 1 <= m <= n <= " + MAX_REPEAT + ", got {" + counts + "}", i);
                }
                element = element.repeated(min, max);
                i = close + 1;
            }
            elements.add(element);
            if (elements.size() > MAX_ELEMENTS) {
                return new IdPatternParse.Invalid("a pattern has at most " + MAX_ELEMENTS + " elements", i);
            }
        }
        Element first = elements.getFirst();
        Element last = elements.getLast();
        if (!first.canBeWordChar() || !last.canBeWordChar()) {
            return new IdPatternParse.Invalid("a pattern must start and end with a letter or a digit", 0);
        }
        return new IdPatternParse.Valid(new IdPattern(source, elements.toArray(Element[]::new)));
    }

    /** Parses a pattern that is known to be valid, such as a constant. */
    public static IdPattern compile(String source) {
        return switch (parse(source)) {
            case IdPatternParse.Valid valid -> valid.pattern();
            case IdPatternParse.Invalid invalid -> throw new IllegalArgumentException(
                    "invalid id pattern '" + source + "' at " + invalid.position() + ": " + invalid.reason());
        };
    }

    /** Whether the pattern has a literal letter or digit, such as the S of {@code S#{7}}, which makes it specific. */
    public boolean hasLiteral() {
        return hasLiteral;
    }

    /** End of a match starting at {@code start}, or -1. */
    public int matchAt(CharSequence text, int start) {
        if (!Chars.boundaryBefore(text, start)) {
            return -1;
        }
        int i = start;
        for (Element element : elements) {
            int taken = 0;
            while (taken < element.max && i < text.length() && element.accepts(text.charAt(i))) {
                taken++;
                i++;
            }
            if (taken < element.min) {
                return -1;
            }
        }
        return Chars.boundaryAfter(text, i) ? i : -1;
    }

    @Override
    public String toString() {
        return source;
    }

    private enum Kind { DIGIT, LETTER, ALPHANUMERIC, LITERAL }

    private record Element(Kind kind, char literal, int min, int max) {

        Element(Kind kind, char literal) {
            this(kind, literal, 1, 1);
        }

        Element repeated(int newMin, int newMax) {
            return new Element(kind, literal, newMin, newMax);
        }

        boolean accepts(char c) {
            return switch (kind) {
                case DIGIT -> Chars.isDigit(c);
                case LETTER -> Character.isLetter(c);
                case ALPHANUMERIC -> Character.isLetterOrDigit(c);
                case LITERAL -> Character.toLowerCase(c) == Character.toLowerCase(literal);
            };
        }

        boolean canBeWordChar() {
            return kind != Kind.LITERAL || Character.isLetterOrDigit(literal);
        }
    }
}
