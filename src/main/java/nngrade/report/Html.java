package nngrade.report;

/** The shared frame of nngrade's HTML pages: self-contained, no network, readable on a phone. */
final class Html {
    private Html() {
    }

    /** Nothing may load from anywhere: styles are inline, charts are inline SVG. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    static final String STYLE = """
            :root{--ok:#1a7f37;--bad:#cf222e;--ft:#9a6700;--muted:#57606a;--bg:#fff;--fg:#1f2328;--line:#d0d7de}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
            main{max-width:960px;margin:0 auto;padding:16px}
            h1{font-size:1.4em;margin:.2em 0}
            h2{font-size:1.1em;margin:0 0 .4em}
            .who{color:var(--muted);margin:0}
            .score{font-size:1.6em;margin:.3em 0 1em}
            section.q{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:10px 12px;margin:0 0 12px}
            section.correct{border-left-color:var(--ok)}
            section.follow-through{border-left-color:var(--ft)}
            section.incorrect,section.invalid{border-left-color:var(--bad)}
            .mark{font-weight:bold}
            .correct .mark{color:var(--ok)} .incorrect .mark,.invalid .mark{color:var(--bad)} .follow-through .mark{color:var(--ft)}
            .pts{float:right;font-weight:normal;color:var(--muted)}
            .wrap{overflow-x:auto;max-width:100%}
            table.m{border-collapse:collapse;font:14px ui-monospace,SFMono-Regular,Menlo,monospace;margin:4px 0}
            table.m td{border:1px solid var(--line);padding:3px 8px;text-align:right;white-space:nowrap}
            td.bad{background:#ffebe9;color:var(--bad);font-weight:bold}
            td.bad small{display:block;color:var(--muted);font-weight:normal}
            ul.fb{margin:.4em 0 0;padding-left:1.2em}
            .code{font-family:ui-monospace,monospace;background:#f6f8fa;border-radius:4px;padding:0 4px}
            table.t{border-collapse:collapse;width:100%}
            table.t td,table.t th{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left}
            svg{max-width:100%;height:auto}
            @media (max-width:600px){body{font-size:15px}main{padding:10px}table.t td,table.t th{padding:4px 3px}}
            """;

    static void open(StringBuilder sb, String lang, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>").append(Text.html(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    static void close(StringBuilder sb) {
        sb.append("</main>\n</body>\n</html>\n");
    }
}
