package nngrade.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each place a template can put a value, as jte reports it to the output, escaped for that place. */
class PageOutputTest {
    private static String write(String tag, String attribute, String value) {
        PageOutput out = new PageOutput();
        out.setContext(tag, attribute);
        out.writeUserContent(value);
        return out.toString();
    }

    @Test
    void textAndQuotedAttributesGetEntitiesAndControlCharactersBecomeSpaces() {
        String nasty = "<a href='x'>\"&amp;\"</a>\u0000\u001b[1m\t\r\u0085\u007f\nok";
        String escaped = "&lt;a href=&#39;x&#39;&gt;&quot;&amp;amp;&quot;&lt;/a&gt;  [1m    \nok";
        assertEquals(escaped, write("td", null, nasty));
        assertEquals(escaped, write("section", "id", nasty));
        assertEquals(escaped, write("title", null, nasty));
    }

    @Test
    void textOutsideAnyTagIsEscapedToo() {
        assertEquals("&lt;b&gt;", write(null, null, "<b>"));
    }

    @Test
    void scriptsAndEventHandlersAreEscapedAsJavaScript() {
        assertEquals("\\'\\\"\\/\\-\\n", write("script", null, "'\"/-\n"));
        assertEquals("\\x27\\x22\\x60\\x24\\\\", write("button", "onclick", "'\"`$\\"));
    }

    @Test
    void aJavascriptLinkIsDroppedAndAnOrdinaryOneEscaped() {
        assertEquals("", write("a", "href", "  JavaScript:alert(1)"));
        assertEquals("https://x.org/?a=1&amp;b=&quot;2&quot;", write("a", "href", "https://x.org/?a=1&b=\"2\""));
    }

    @Test
    void numbersNullAndTemplateTextAreWrittenAsTheyAre() {
        PageOutput out = new PageOutput();
        out.setContext("text", null);
        out.writeUserContent(-42);
        out.writeUserContent(7_000_000_000L);
        out.writeUserContent((String) null);
        out.writeContent("<p class=\"x\">");
        out.writeContent("<br><hr>", 4, 8);
        out.writeUnsafeContent("<strong>as is</strong>");
        assertEquals("-427000000000<p class=\"x\"><hr><strong>as is</strong>", out.toString());
    }
}
