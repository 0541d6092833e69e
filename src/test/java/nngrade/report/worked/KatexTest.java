package nngrade.report.worked;

import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every worked solution's math, of every problem (networks and graphs) in both languages, parses with KaTeX
 * in strict mode, as GitHub, GitLab and notebooks render it. Needs node and KaTeX: set
 * {@code NNGRADE_KATEX_DIR} to a folder holding {@code node_modules/katex} ({@code npm install katex});
 * skipped, saying so, otherwise.
 */
class KatexTest {
    @TempDir
    Path dir;

    @Test
    void everyMathPieceParses() throws IOException, InterruptedException {
        String katex = System.getenv("NNGRADE_KATEX_DIR");
        Assumptions.assumeTrue(katex != null && Files.isDirectory(Path.of(katex, "node_modules", "katex")),
                "skipped: set NNGRADE_KATEX_DIR to a folder with node_modules/katex (npm install katex) to run it");
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/resources/worked/katex-check.js")
                .toAbsolutePath().toString()));
        for (WorkedMarkdownTest.Solved s : WorkedMarkdownTest.problems()) {
            for (Lang lang : Lang.values()) {
                Messages m = new Messages(lang);
                Path f = dir.resolve(s.file() + "." + lang + ".md");
                Files.writeString(f, WorkedMarkdown.render(WorkedSolutions.of(s.key(), m.words()), m),
                        StandardCharsets.UTF_8);
                command.add(f.toString());
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", Path.of(katex, "node_modules").toString());
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), out);
        assertTrue(out.strip().endsWith(" 0 refused"), out);
        assertTrue(!out.startsWith("0 math pieces"), out);
    }
}
