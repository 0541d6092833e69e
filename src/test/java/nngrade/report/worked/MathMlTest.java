package nngrade.report.worked;

import nngrade.report.Messages.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MathMl}: the TeX that {@link Tex} writes, set as MathML elements, every character escaped. */
class MathMlTest {
    private static final MathMl EN = new MathMl(Lang.en);
    private static final MathMl RO = new MathMl(Lang.ro);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the notes' forward pass: a subscript and a superscript on one letter
            "x·W1ᵀ + b1|<mi>x</mi><mo>·</mo><msubsup><mi>W</mi><mrow><mn>1</mn></mrow><mrow><mi>⊤</mi></mrow></msubsup>"
                    + "<mo>+</mo><msub><mi>b</mi><mrow><mn>1</mn></mrow></msub>",
            "ŷ|<mover accent=\"true\"><mrow><mi>y</mi></mrow><mo>^</mo></mover>",
            "ŷₖ|<msub><mover accent=\"true\"><mrow><mi>y</mi></mrow><mo>^</mo></mover><mrow><mi>k</mi></mrow></msub>",
            "(1/m)|<mo stretchy=\"false\">(</mo><mn>1</mn><mo>/</mo><mi>m</mi><mo stretchy=\"false\">)</mo>",
            "W1_next|<msubsup><mi>W</mi><mrow><mn>1</mn></mrow><mrow><mtext>next</mtext></mrow></msubsup>",
            "ln ŷ|<mi>ln</mi><mo lspace=\"0\" rspace=\"0.1667em\">\u2061</mo><mover accent=\"true\"><mrow><mi>y</mi></mrow><mo>^</mo></mover>",
            "√v̂|<msqrt><mrow><mover accent=\"true\"><mrow><mi>v</mi></mrow><mo>^</mo></mover></mrow></msqrt>",
            "f′(z1)|<mi>f</mi><mo>′</mo><mo stretchy=\"false\">(</mo><msub><mi>z</mi><mrow><mn>1</mn></mrow></msub>"
                    + "<mo stretchy=\"false\">)</mo>",
            // words keep the spaces the formula has around them, as no-break spaces (MathML trims others)
            "y (softmax with cross-entropy)|<mi>y</mi><mspace width=\"1em\"></mspace><mo stretchy=\"false\">(</mo><mi>softmax</mi>"
                    + "<mo lspace=\"0\" rspace=\"0.1667em\">\u2061</mo><mtext>\u00a0with\u00a0cross-entropy</mtext>"
                    + "<mo stretchy=\"false\">)</mo>",
            // a function's script is on its name, the application after it: tanh²(z), tanh′(z)
            "1 − tanh²(z)|<mn>1</mn><mo>−</mo><msup><mi>tanh</mi><mrow><mn>2</mn></mrow></msup>"
                    + "<mo lspace=\"0\" rspace=\"0.1667em\">\u2061</mo><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo>",
            "tanh′(z)|<msup><mi>tanh</mi><mo>′</mo></msup><mo lspace=\"0\" rspace=\"0.1667em\">\u2061</mo>"
                    + "<mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo>",
            "0.25 − 1|<mn>0.25</mn><mo>−</mo><mn>1</mn>",
            "a < b & c|<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&amp;</mo><mi>c</mi>",
    })
    void formulasAreSetAsMathMl(String formula, String mathMl) {
        assertEquals(mathMl, EN.of(formula));
    }

    @Test
    void romanianNumbersHaveADecimalCommaAndRowsASemicolon() {
        assertEquals("<mn>0,25</mn>", RO.of("0.25"));
        assertEquals("<mrow><mo>−</mo><mn>0,25</mn></mrow>", RO.number("-0.25"));
        assertEquals("<mrow><mo stretchy=\"false\">(</mo><mn>1,5</mn><mo lspace=\"0\" rspace=\"0.3em\">;</mo><mn>2</mn>"
                + "<mo stretchy=\"false\">)</mo></mrow>", RO.row(List.of(RO.number("1.5"), RO.number("2"))));
        assertEquals("<mrow><mo stretchy=\"false\">(</mo><mn>1.5</mn><mo lspace=\"0\" rspace=\"0.2em\">,</mo><mn>2</mn>"
                + "<mo stretchy=\"false\">)</mo></mrow>", EN.row(List.of(EN.number("1.5"), EN.number("2"))));
    }

    @Test
    void matricesAndIndexedProducts() {
        assertEquals("<mrow><mo>(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr>"
                + "<mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo>)</mo></mrow>",
                EN.matrix(List.of(List.of("<mn>1</mn>", "<mn>2</mn>"), List.of("<mn>3</mn>", "<mn>4</mn>"))));
        assertEquals("<msub><mrow><mi>a</mi></mrow><mrow><mn>2</mn><mo>,</mo><mn>3</mn></mrow></msub>",
                EN.subscript("<mi>a</mi>", List.of(2, 3)));
        assertEquals("<msub><mrow><mi>a</mi></mrow><mn>2</mn></msub>", EN.subscript("<mi>a</mi>", List.of(2)));
    }

    @Test
    void teXOutsideTheSetPartIsABugNotGarbage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathMl.fromTex("\\frac{1}{2}"));
        assertTrue(e.getMessage().contains("\\frac is not set as MathML"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MathMl.fromTex("x_"));
        assertThrows(IllegalArgumentException.class, () -> MathMl.fromTex("{x"));
        assertThrows(IllegalArgumentException.class, () -> MathMl.fromTex("x}"));
    }
}
