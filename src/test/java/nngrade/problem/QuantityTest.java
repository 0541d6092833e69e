package nngrade.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Quantity names of deep networks, whose lists are built on demand and kept for the last depth asked. */
class QuantityTest {

    @ParameterizedTest(name = "{0} layers")
    @ValueSource(ints = {1, 2, 15, 16, 17, 40, 2000})
    void everyNameOfEveryDepthParsesBackToItsQuantityAndHashesApart(int layers) {
        List<Quantity> all = Quantity.all(layers);
        Set<Integer> hashes = new HashSet<>();
        for (Quantity q : all) {
            assertEquals(Optional.of(q), Quantity.parse(q.name(), layers), q.name());
            hashes.add(q.hashCode());
        }
        assertEquals(all.size(), hashes.size(), "two quantities of one network share a hash code");
        // asking another depth in between does not mix their names
        assertEquals(Optional.empty(), Quantity.parse("dW" + (layers + 1), layers));
        assertEquals(Optional.of(new Quantity(Quantity.Kind.DW, layers + 1)), Quantity.parse("dW" + (layers + 1), layers + 1));
        assertEquals(Optional.of(new Quantity(Quantity.Kind.DW, layers)), Quantity.parse("dW" + layers, layers));
    }
}
