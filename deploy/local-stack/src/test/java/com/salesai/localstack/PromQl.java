package com.salesai.localstack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series selectors of a PromQL expression (metric name and the labels it matches on): just enough PromQL to
 * check a dashboard and its alerts against the list of metrics the services expose.
 */
final class PromQl {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern TOKEN = Pattern.compile(
            "(\\{[^}]*})|(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[a-z]*)|([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    /** One selector: {@code metric{label="..."}}. */
    record Selector(String metric, Set<String> labels) {
    }

    static List<Selector> selectors(String expression) {
        String code = STRING.matcher(expression).replaceAll("\"\"");
        code = GRAFANA_VARIABLE.matcher(code).replaceAll("");
        code = LABEL_LIST.matcher(code).replaceAll(" ");
        code = RANGE.matcher(code).replaceAll(" ");
        List<Selector> selectors = new ArrayList<>();
        Matcher token = TOKEN.matcher(code);
        String metric = null;
        while (token.find()) {
            if (token.group(1) != null) {
                Set<String> labels = new LinkedHashSet<>();
                MATCHER_LABEL.matcher(token.group(1)).results().forEach(m -> labels.add(m.group(1)));
                selectors.add(new Selector(metric, labels));
                metric = null;
                continue;
            }
            if (metric != null) {
                selectors.add(new Selector(metric, Set.of()));
                metric = null;
            }
            String identifier = token.group(3);
            if (identifier != null && !KEYWORDS.contains(identifier) && !calledAt(code, token.end())) {
                metric = identifier;
            }
        }
        if (metric != null) {
            selectors.add(new Selector(metric, Set.of()));
        }
        return selectors;
    }

    /** A function or aggregation: the identifier is followed by its argument list. */
    private static boolean calledAt(String code, int end) {
        int next = end;
        while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
            next++;
        }
        return next < code.length() && code.charAt(next) == '(';
    }
}
