package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.solve.AnswerKey;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WorkedHtml}: every bundled problem's page (networks and graphs), in English and Romanian, is
 * well-formed, loads nothing, and states results that agree with the key; a hostile title,
 * statement and student id stay text.
 */
class WorkedHtmlTest {
    static final String MATHML = "http://www.w3.org/1998/Math/MathML";

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    @Test
    void everyProblemsPageIsWellFormedAndItsResultsAgreeWithTheKey() throws Exception {
        List<WorkedMarkdownTest.Solved> problems = WorkedMarkdownTest.problems();
        assertTrue(problems.size() >= 15, "bundled problems (graphs too) and the test's: " + problems.size());
        int results = 0;
        for (WorkedMarkdownTest.Solved s : problems) {
            for (Lang lang : Lang.values()) {
                Messages m = new Messages(lang);
                String where = s.file() + " (" + lang + ")";
                Document d = parse(WorkedHtml.render(WorkedSolutions.of(s.key(), m.words()), m, Optional.empty()));
                assertEquals(lang.name(), d.getDocumentElement().getAttribute("lang"), where);
                for (String tag : List.of("script", "link", "img", "iframe", "object", "embed")) {
                    assertEquals(0, d.getElementsByTagName(tag).getLength(), where + ": a <" + tag + ">");
                }
                results += checkResults(d, s.key(), m, where);
            }
        }
        assertTrue(results > 100, "results checked: " + results);
    }

    /** Each section's result, read back from its MathML, is the key's value within the tolerance. */
    private static int checkResults(Document d, AnswerKey key, Messages m, String where) {
        NodeList sections = d.getElementsByTagName("section");
        int checked = 0;
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            String name = section.getElementsByTagName("code").item(0).getTextContent();
            Quantity q = key.problem().quantities().parse(name).orElseThrow();
            Element result = null;
            NodeList items = section.getElementsByTagName("li");
            for (int k = 0; k < items.getLength(); k++) {
                if (items.item(k).getTextContent().startsWith(m.get("worked.result") + ":")) {
                    result = (Element) items.item(k);
                }
            }
            assertTrue(result != null, where + " " + name + ": no result");
            double[] shown = numbersAfterEquals((Element) result.getElementsByTagName("math").item(0), m.lang());
            Matrix expected = key.get(q);
            assertEquals(expected.size(), shown.length, where + " " + name);
            for (int c = 0; c < shown.length; c++) {
                assertTrue(key.problem().tolerance().of(q).accepts(shown[c], expected.at(c)),
                        where + " " + name + " cell " + c + ": shown " + shown[c] + ", key " + expected.at(c));
            }
            checked++;
        }
        return checked;
    }

    /** The numbers after the first {@code =} of a math element, a minus in the mrow before one as its sign. */
    static double[] numbersAfterEquals(Element math, Lang lang) {
        List<Double> out = new ArrayList<>();
        boolean after = false;
        List<Element> all = new ArrayList<>();
        collect(math, all);
        for (Element e : all) {
            if (e.getTagName().equals("mo") && e.getTextContent().equals("=")) {
                after = true;
            } else if (after && e.getTagName().equals("mn")) {
                String text = e.getTextContent();
                assertTrue(lang == Lang.ro ? !text.contains(".") : !text.contains(","), "decimal separator: " + text);
                double v = Double.parseDouble(text.replace(',', '.'));
                Node before = e.getPreviousSibling();
                boolean negative = before instanceof Element b && b.getTagName().equals("mo") && b.getTextContent().equals("−");
                out.add(negative ? -v : v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, out);
            }
        }
    }

    @Test
    void aHostileTitleStatementAndStudentStayText() throws Exception {
        String title = "<script>alert(1)</script> & \"x\" 'y' <b>";
        String student = "<img src=x onerror=alert(1)>&amp;";
        Messages m = new Messages(Lang.en);
        AnswerKey key = WorkedLatexTest.hostile(title);
        String html = WorkedHtml.render(WorkedSolutions.of(key, m.words()), m, Optional.of(student));
        Document d = parse(html);
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertEquals(0, d.getElementsByTagName("img").getLength());
        assertEquals(0, d.getElementsByTagName("b").getLength());
        assertEquals(title, d.getElementsByTagName("strong").item(0).getTextContent());
        assertEquals(m.get("worked.student", student), byClass(d, "p", "who").getTextContent());
        // the statement is the teacher's Markdown, rendered as the task sheet renders it: its line break a space
        String statement = byClass(d, "div", "statement").getTextContent();
        assertTrue(statement.startsWith("Line one\nline two"), statement);
    }

    @Test
    void controlCharactersAndBidiOverridesAreSpacesInEveryFormat() throws Exception {
        String title = "A\u0000B\u001b[31mC\u202eD\nE";
        String student = "s\u00071\u2066";
        Messages m = new Messages(Lang.en);
        WorkedSolution w = WorkedSolutions.of(WorkedLatexTest.hostile(title), m.words());
        Document d = parse(WorkedHtml.render(w, m, Optional.of(student)));
        assertEquals("A B [31mC D E", d.getElementsByTagName("strong").item(0).getTextContent());
        assertEquals(m.get("worked.student", "s 1 "), byClass(d, "p", "who").getTextContent());
        String md = WorkedMarkdown.render(w, m, Optional.of(student + " ~~struck~~"));
        assertTrue(md.contains("A B \\[31mC D E"), md);
        assertTrue(md.contains("s 1  \\~\\~struck\\~\\~"), md);
        assertTrue(md.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n'), "a control character in the Markdown");
    }

    private static Element byClass(Document d, String tag, String cls) {
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("class").equals(cls)) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no <" + tag + " class=\"" + cls + "\">");
    }

    @Test
    void theArticleIsThePageWithoutItsFrame() throws Exception {
        Messages m = new Messages(Lang.ro);
        AnswerKey key = WorkedLatexTest.hostile("t");
        WorkedSolution w = WorkedSolutions.of(key, m.words());
        String article = WorkedHtml.article(w, m, Optional.of("ana"));
        String page = WorkedHtml.render(w, m, Optional.of("ana"));
        assertTrue(article.startsWith("<article class=\"worked\">\n<p class=\"who\">") && article.endsWith("</article>\n"),
                article);
        assertTrue(page.contains(article.substring(article.indexOf("<p class=\"who\">"))),
                "the page holds the article from the student on");
        assertTrue(!article.contains("<h1>") && !article.contains("class=\"statement\""), "no title or statement of its own");
        parse(article);
        assertTrue(article.contains("<mn>0,8</mn>"), "z1 = (0,8; −2; 1,4) in Romanian");
    }
}
