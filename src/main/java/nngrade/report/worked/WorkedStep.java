package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;

import java.util.List;
import java.util.Optional;

/**
 * One quantity of a worked solution, in the order of the computation.
 *
 * @param quantity     the quantity
 * @param asked        whether students answer it; else a step of the chain shown for the ones asked
 * @param formula      the formula, in the problem's conventions and the reader's language ({@code Formulas})
 * @param chainRule    for a hidden layer's δ, the chain rule in the problem's weight layout
 *                     ({@code δ1 = (δ2·W2) ⊙ f′(z1)}), else empty
 * @param products     a small product written out entry by entry (empty for a large one or none)
 * @param substituted  the formula's right side with the numbers put in, through the intermediate, to the result
 * @param intermediates the values the notes show on the way (W·x before b, ŷ − y, the batch sum before /m;
 *                     Adam's m̂ and v̂)
 * @param elided       for a product too large to write out entry by entry, its shapes
 * @param weightShape  W's shape in words where the quantity has it (dW, W_next): {@code units × inputs}
 * @param result       the key's value, exactly
 * @param rounding     how the result is shown
 */
public record WorkedStep(Quantity quantity, boolean asked, String formula, Optional<String> chainRule,
                         List<EntryProduct> products, List<Part> substituted, List<Intermediate> intermediates,
                         Optional<Part.Shapes> elided,
                         Optional<String> weightShape, Matrix result, Rounding rounding) {

    public WorkedStep {
        products = List.copyOf(products);
        substituted = List.copyOf(substituted);
        intermediates = List.copyOf(intermediates);
    }

    /** The first value on the way: the one a product written out entry by entry is of. */
    public Optional<Intermediate> intermediate() {
        return intermediates.stream().findFirst();
    }

    /** Whether an entry of its product is written with ≈ ({@link EntryProduct#approximate()}). */
    public boolean approximate() {
        return products.stream().anyMatch(EntryProduct::approximate);
    }

    /** A value on the way to the result, named by the math it is ({@code x·W1ᵀ}, {@code Σᵢ ℓᵢ}). */
    public record Intermediate(String math, Matrix value, Rounding rounding) {
    }
}
