package nngrade.report.worked;

import nngrade.report.Messages.Lang;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Unicode math of nngrade.solve.Formulas as TeX. */
class TexTest {
    private final Tex en = new Tex(Lang.en);
    private final Tex ro = new Tex(Lang.ro);

    @Test
    void symbolsAndIndices() {
        assertEquals("z_{1} = x\\cdot W_{1}^{\\top} + b_{1}", en.of("z1 = x·W1ᵀ + b1"));
        assertEquals("W_{2}^{\\text{next}} = W_{2} - \\eta \\cdot dW_{2}", en.of("W2_next = W2 − η·dW2"));
        assertEquals("\\delta_{1} = (\\delta_{2}\\cdot W_{2}) \\odot  f'(z_{1})", en.of("δ1 = (δ2·W2) ⊙ f′(z1)"));
        assertEquals("C = (1/m) \\sum_{i} \\ell_{i}", en.of("C = (1/m) Σᵢ ℓᵢ"));
        assertEquals("\\hat{y}_{k} - y_{k}", en.of("ŷₖ − yₖ"));
        assertEquals("\\tanh '(z) = 1 - \\tanh^{2}(z); -\\ln  \\hat{y}", en.of("tanh′(z) = 1 − tanh²(z); −ln ŷ"));
        assertEquals("\\hat{m} / (\\sqrt{\\hat{v}} + \\varepsilon )", en.of("m̂ / (√v̂ + ε)"));
        assertEquals("dW_{1} / (\\sqrt{sW_{1}^{\\text{next}}} + \\varepsilon )", en.of("dW1 / (√sW1_next + ε)"));
    }

    @Test
    void wordsAreTextAndNumbersTakeTheLanguagesSeparator() {
        // a remark in parentheses after an operand is set apart; a group after an operator or a sum's index is not
        assertEquals("\\hat{y} - y\\quad (\\operatorname{softmax} \\text{ with cross-entropy})",
                en.of("ŷ − y (softmax with cross-entropy)"));
        assertEquals("W_{1} - \\eta \\cdot dW_{1}\\quad (\\eta  = 1)", en.of("W1 − η·dW1 (η = 1)"));
        assertEquals("C = (1/m) \\sum_{k} (\\hat{y}_{k} - y_{k})^{2}", en.of("C = (1/m) Σₖ (ŷₖ − yₖ)²"));
        assertEquals("C = (1/m) (\\sum_{i} \\ell_{i} + 1)\\quad (\\lambda  = 0.1)", en.of("C = (1/m) (Σᵢ ℓᵢ + 1) (λ = 0.1)"));
        assertEquals("(\\eta  = 0{,}1)", ro.of("(η = 0,1)"));
        assertEquals("(\\eta  = 0.1)", en.of("(η = 0.1)"));
        assertEquals("\\text{dacă } z > 0", ro.of("dacă z > 0"));
        // spaces between words stay, spaces beside an operator are math mode's own
        assertEquals("1 \\text{ if } z > 0, \\text{ else } 0", en.of("1 if z > 0, else 0"));
        assertEquals("\\text{pp} = h + \\text{dunused}", en.of("pp = h + dunused"));
        assertEquals("a_{1} = \\operatorname{leaky\\text{-}relu}(z_{1})", en.of("a1 = leaky-relu(z1)"));
        assertEquals("\\partial a_{j}/\\partial z_{k}", en.of("∂aⱼ/∂zₖ"));
        // a graph's own underscores are text, ours (_next, J_softmax) are not
        assertEquals("\\text{x\\_y}^{\\text{next}} = \\text{x\\_y} - \\eta \\cdot \\text{dx\\_y}",
                en.of("x_y_next = x_y − η·dx_y"));
        assertEquals("\\text{\\_a} + J_{\\operatorname{softmax}} + W_{1}^{\\text{next}} + \\beta^t",
                en.of("_a + J_softmax + W1_next + β^t"));
        assertEquals("x^{0.5} + x^{-1} + dx", en.of("x^0.5 + x^−1 + dx"));
        assertEquals("x^{0{,}5}", ro.of("x^0,5"));
        // E notation is a power of ten (1e−8 would read as 1·e minus 8); an e without digits is a letter
        assertEquals("(\\varepsilon  = 10^{-8}, c = 2.5\\cdot 10^{3})", en.of("(ε = 1e-8, c = 2.5E+03)"));
        assertEquals("(\\varepsilon  = 10^{-8})", ro.of("(ε = 1e-8)"));
        assertEquals("2e", en.of("2e"));
        assertEquals("x^{10^{-5}}", en.of("x^1e-05"));
        // a name with digits is one name, never a number in E notation; an exponent of any length stays digits
        assertEquals("\\text{hid2e1} + \\text{in1e5} + 10^{99999999999}", en.of("hid2e1 + in1e5 + 1e99999999999"));
    }

    @Test
    void texSpecialsNeverPassThrough() {
        assertEquals("\\$\\backslash \\{\\}\\%\\#\\&", en.of("$\\{}%#&"));
    }
}
