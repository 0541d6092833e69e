package nngrade.report;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.runtime.StringUtils;

/**
 * What the page templates (src/main/jte) write into. Before each value jte says where in the page
 * it goes; where jte's own {@code OwaspHtmlTemplateOutput} would escape for HTML text or a quoted
 * attribute, this escapes as nngrade's pages always have (see {@link #escape}), so the pages stay
 * the same byte for byte; in scripts and event-handler attributes it escapes as jte does, and it
 * drops javascript: links as jte does. Only {@code $unsafe{}} in a template writes a value as it is.
 */
final class PageOutput implements HtmlTemplateOutput {
    private final StringBuilder sb = new StringBuilder(8192);
    private String tag;
    private String attribute;

    @Override
    public void setContext(String tagName, String attributeName) {
        tag = tagName;
        attribute = attributeName;
    }

    @Override
    public void writeContent(String value) {
        sb.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        sb.append(value, beginIndex, endIndex);
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null) {
            return;
        }
        if (tag != null && attribute != null) {
            if ("a".equals(tag) && "href".equals(attribute) && StringUtils.startsWithIgnoringCaseAndWhitespaces(value, "javascript:")) {
                return;
            }
            if (attribute.startsWith("on")) {
                Escape.javaScriptAttribute(value, this);
                return;
            }
        } else if ("script".equals(tag)) {
            Escape.javaScriptBlock(value, this);
            return;
        }
        escape(value);
    }

    @Override
    public void writeUserContent(int value) {
        sb.append(value);
    }

    @Override
    public void writeUserContent(long value) {
        sb.append(value);
    }

    /**
     * HTML text and double- or single-quoted attribute values alike: the five markup characters
     * as entities, and control characters but the newline as spaces, since HTML text may not hold
     * them (a student's id or file can: ANSI colour codes, NUL).
     */
    private void escape(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
            }
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
