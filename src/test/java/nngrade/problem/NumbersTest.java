package nngrade.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NumbersTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "0.35|0.35",
            "0,35|0.35",
            "−2|-2",
            "–2|-2",
            "1/3|0.3333333333333333",
            "-1/4|-0.25",
            "-2.5e-3|-0.0025",
            "2.5E3|2500",
            " 0.5 |0.5",
            "+7|7",
            ".5|0.5",
            ",5|0.5",
            "3.|3",
            "1e-400|0",
    })
    void reads(String text, double expected) {
        assertEquals(new Numbers.Value(expected), Numbers.parse(text));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("NaN", "\"NaN\" is not a number (NaN is not accepted)"),
                arguments("-nan", "\"-nan\" is not a number (NaN is not accepted)"),
                arguments(".nan", "\".nan\" is not a number (NaN is not accepted)"),
                arguments("Infinity", "\"Infinity\" is not a finite number"),
                arguments("−inf", "\"−inf\" is not a finite number"),
                arguments(".inf", "\".inf\" is not a finite number"),
                arguments("∞", "\"∞\" is not a finite number"),
                arguments("1e309", "\"1e309\" is not a finite number (too large for a double)"),
                arguments("-1,5e400", "\"-1,5e400\" is not a finite number (too large for a double)"),
                arguments("1e200/1e-200", "\"1e200/1e-200\" is not a finite number (too large for a double)"),
                arguments("0x1p3", "\"0x1p3\" is not a number"),
                arguments("1d", "\"1d\" is not a number"),
                arguments("1f", "\"1f\" is not a number"),
                arguments("1_000", "\"1_000\" is not a number"),
                arguments("1.000,5", "\"1.000,5\" is not a number"),
                arguments("banana", "\"banana\" is not a number"),
                arguments("information", "\"information\" is not a number"),
                arguments("", "the value is empty"),
                arguments("   ", "the value is empty"),
                arguments("1/0", "\"1/0\" divides by zero"),
                arguments("0/0", "\"0/0\" divides by zero"),
                arguments("1/x", "\"1/x\" is not a number"),
                arguments("1".repeat(101), "a value of 101 characters is not a number"));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @MethodSource("refusals")
    void refuses(String text, String reason) {
        assertEquals(new Numbers.NotANumber(reason), Numbers.parse(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.1,0.1", "-0.0,0", "3,3", "-2.5,-2.5", "1e20,1.0E20", "1e-7,1.0E-7"})
    void exact(double v, String text) {
        assertEquals(text, Numbers.exact(v));
        if (v != 0) {
            assertEquals(v, Double.parseDouble(text));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.1,0.1", "-0.0,0", "1e-8,1e-8", "1.5e-8,1.5e-8", "-2.5e-10,-2.5e-10", "1e20,1e20", "1e300,1e300", "123.25,123.25"})
    void written(double v, String text) {
        assertEquals(text, Numbers.written(v));
        assertEquals(v == 0 ? 0 : v, Double.parseDouble(text));
    }
}
