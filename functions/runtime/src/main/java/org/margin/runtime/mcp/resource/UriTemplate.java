package org.margin.runtime.mcp.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against an RFC 6570 level-1 template: each {@code {name}} stands for one non-empty run of
 * characters other than {@code /}. Compiled once per template.
 */
final class UriTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Map<String, UriTemplate> COMPILED = new ConcurrentHashMap<>();

    private final Pattern pattern;
    private final List<String> names;

    private UriTemplate(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    static UriTemplate compile(String template) {
        return COMPILED.computeIfAbsent(template, UriTemplate::parse);
    }

    private static UriTemplate parse(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            regex.append("([^/]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        if (template.indexOf('{', last) >= 0 || names.isEmpty() && template.contains("{")) {
            throw new IllegalArgumentException("Only {name} variables are supported in a URI template");
        }
        return new UriTemplate(Pattern.compile(regex.toString()), List.copyOf(names));
    }

    Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(variables);
    }
}
