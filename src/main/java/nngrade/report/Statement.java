package nngrade.report;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/** A problem statement, Markdown (CommonMark) written by the teacher, as HTML for the task sheet and the worked solution. */
public final class Statement {
    private Statement() {
    }

    private static final Parser PARSER = Parser.builder().build();
    /**
     * Raw HTML in a statement is shown as text, never passed through, and links and images keep
     * only safe schemes (no javascript:): a problem file may come from anyone, and the sheet is
     * opened in a browser.
     */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().build();
    private static final UrlSanitizer URLS = new DefaultUrlSanitizer();

    /**
     * The statement as Markdown, for the Markdown task sheet (pasted into an LMS, shown by a
     * Markdown viewer): as safe as the HTML sheet's, so raw HTML becomes text and unsafe links
     * lose their target; the rest is the teacher's Markdown, written back by commonmark.
     */
    public static String markdown(String markdown) {
        Node document = PARSER.parse(printable(markdown));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                html.insertBefore(new Text(html.getLiteral()));
                html.unlink();
            }

            @Override
            public void visit(HtmlBlock html) {
                Paragraph text = new Paragraph();
                String[] lines = html.getLiteral().strip().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        text.appendChild(new SoftLineBreak());
                    }
                    text.appendChild(new Text(lines[i]));
                }
                html.insertBefore(text);
                html.unlink();
            }

            @Override
            public void visit(Link link) {
                link.setDestination(URLS.sanitizeLinkUrl(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(URLS.sanitizeImageUrl(image.getDestination()));
                visitChildren(image);
            }
        });
        return MARKDOWN.render(document).strip();
    }

    /** The HTML blocks, without the line end after the last: the template writes one after it. */
    public static String html(String markdown) {
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
