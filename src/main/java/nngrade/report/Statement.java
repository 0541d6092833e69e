package nngrade.report;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A problem statement, Markdown (CommonMark) written by the teacher, as HTML for the task sheet. */
final class Statement {
    private Statement() {
    }

    private static final Parser PARSER = Parser.builder().build();
    /**
     * Raw HTML in a statement is shown as text, never passed through, and links and images keep
     * only safe schemes (no javascript:): a problem file may come from anyone, and the sheet is
     * opened in a browser.
     */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** The HTML blocks, without the line end after the last: the template writes one after it. */
    static String html(String markdown) {
        String html = RENDERER.render(PARSER.parse(printable(markdown)));
        return html.endsWith("\n") ? html.substring(0, html.length() - 1) : html;
    }

    /**
     * Control characters as spaces, as everywhere else on nngrade's pages, except the tab, newline
     * and carriage return, which are Markdown's indentation and line ends.
     */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
        }
        return sb.toString();
    }
}
