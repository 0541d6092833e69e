package nngrade.report.worked;

import nngrade.report.Messages;
import nngrade.report.Statement;

import java.util.List;
import java.util.Optional;

/**
 * A worked solution as one self-contained HTML page with MathML math: no script, no font or
 * style from anywhere (the Content-Security-Policy says so), printable on A4. The structure of
 * {@link WorkedMarkdown}; the statement rendered from the teacher's Markdown as the task sheet
 * renders it. The page is well-formed XML as well as HTML, so that a test (or a tool) can read it.
 * Every text is escaped here and every formula by {@link MathMl}: nothing becomes markup.
 */
public final class WorkedHtml extends WorkedWriter {
    /** Print: A4 with margins a hand-out has; each quantity kept on one page where it fits. */
    static final String STYLE = """
            :root{--muted:#57606a;--line:#d0d7de;--fg:#1f2328}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
            main{max-width:960px;margin:0 auto;padding:16px}
            h1{font-size:1.4em;margin:.2em 0 .4em}
            h2{font-size:1.1em;margin:1.2em 0 .3em;border-bottom:1px solid var(--line)}
            .who,.note{color:var(--muted)}
            ul{padding-left:1.3em;margin:.3em 0}
            li{margin:.25em 0}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;border-radius:4px;padding:0 4px}
            math{font-family:"Latin Modern Math","STIX Two Math","Cambria Math",math;font-size:1.05em}
            .statement p{margin:.4em 0}
            @page{size:A4;margin:16mm 15mm}
            @media print{body{font-size:11pt}main{max-width:none;padding:0}section{break-inside:avoid}h2{break-after:avoid}code{background:none}}
            """;

    private final boolean page;

    private WorkedHtml(Messages m, boolean page) {
        super(m, new MathMl(m.lang()));
        this.page = page;
    }

    /** The page, naming {@code student}, when given, after the statement (before the given values). */
    public static String render(WorkedSolution w, Messages m, Optional<String> student) {
        return new WorkedHtml(m, true).write(w, student);
    }

    /**
     * The solution as an {@code <article>} for a page that holds it (the self-check service's) and
     * shows the problem's title and statement itself: the given values on, without them.
     */
    public static String article(WorkedSolution w, Messages m, Optional<String> student) {
        return new WorkedHtml(m, false).write(w, student);
    }

    @Override
    String document(WorkedSolution w, Header h, List<String> sections) {
        StringBuilder a = new StringBuilder("<article class=\"worked\">\n");
        if (page) { // a page that holds the article shows the problem's title and statement itself
            a.append("<h1>").append(h.title()).append("</h1>\n");
            h.problemTitle().ifPresent(t -> a.append("<p><strong>").append(t).append("</strong></p>\n"));
            h.statement().ifPresent(t -> a.append("<div class=\"statement\">").append(t).append("</div>\n"));
        }
        h.student().ifPresent(t -> a.append("<p class=\"who\">").append(t).append("</p>\n"));
        a.append("<p>").append(h.given()).append("</p>\n");
        a.append("<p class=\"note\">").append(h.note()).append("</p>\n");
        sections.forEach(a::append);
        a.append("</article>\n");
        if (!page) {
            return a.toString();
        }
        return "<!DOCTYPE html>\n<html lang=\"" + m.lang().name() + "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
                + "<title>" + h.title() + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + a + "</main>\n</body>\n</html>\n";
    }

    @Override
    String statement(String statement) {
        return Statement.html(statement);
    }

    @Override
    String section(String heading, String list) {
        return "<section>\n<h2>" + heading + "</h2>\n" + list + "</section>\n";
    }

    @Override
    String list(List<Item> items) {
        StringBuilder out = new StringBuilder("<ul>\n");
        for (Item i : items) {
            out.append("<li>").append(i.content());
            if (!i.sub().isEmpty()) {
                out.append("\n<ul>\n");
                i.sub().forEach(s -> out.append("<li>").append(s).append("</li>\n"));
                out.append("</ul>\n");
            }
            out.append("</li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    @Override
    String math(String written) {
        return "<math>" + written + "</math>";
    }

    /** Each piece its own math, so that a line may break before an = (MathML itself never breaks a line). */
    @Override
    String chain(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            out.append(out.length() > 0 ? " " : "").append(math(piece));
        }
        return out.toString();
    }

    @Override
    String code(String name) {
        return "<code>" + text(name) + "</code>";
    }

    @Override
    String text(String plain) {
        return MathMl.escape(printable(plain));
    }
}
