package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.problem.Tolerance;
import nngrade.problem.ToleranceSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.Optional;

/** {@code --tolerance}: one tolerance for every quantity without its own, shared by check and grade. */
public final class ToleranceOption {

    @Option(names = "--tolerance", paramLabel = "SPEC", converter = Converter.class,
            description = "Replace the problem's default tolerance, e.g. decimals=2, sigfigs=3, absolute=0.01, "
                    + "relative=0.01, or absolute=0.01,relative=0.01.")
    Tolerance tolerance;

    Optional<Tolerance> tolerance() {
        return Optional.ofNullable(tolerance);
    }

    static final class Converter implements ITypeConverter<Tolerance> {
        @Override
        public Tolerance convert(String spec) {
            try {
                return ToleranceSpec.parse(spec);
            } catch (BadInputException e) {
                // picocli names the option; the rest of the first error says what is wrong with its value
                String body = e.errors().get(0).withoutFile();
                if (body.startsWith("--tolerance")) {
                    body = body.substring("--tolerance".length()).replaceFirst("^(\\.|: )", "");
                }
                throw new TypeConversionException(body);
            }
        }
    }
}
