package nngrade.cli;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Tolerance;
import nngrade.problem.ToleranceSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code --tolerance}: one tolerance for every quantity without its own, shared by check and grade. */
public final class ToleranceOption {

    @Option(names = "--tolerance", paramLabel = "SPEC", converter = Converter.class,
            description = "Replace the problem's default tolerance: decimals=2, sigfigs=3, absolute=0.01, "
                    + "relative=0.01 (1%%), or both of the last two, comma-separated.")
    Tolerance tolerance;

    Optional<Tolerance> tolerance() {
        return Optional.ofNullable(tolerance);
    }

    /** An error on {@code --tolerance.decimals} as "decimals: …", one on the whole option as its message. */
    private static String part(InputError e) {
        String field = e.field() == null ? "" : e.field().replaceFirst("^--tolerance\\.?", "");
        String message = e.message().replaceFirst("^--tolerance\\.?" + Pattern.quote(field) + "[: ]*", "");
        return field.isEmpty() ? message : field + ": " + message;
    }

    static final class Converter implements ITypeConverter<Tolerance> {
        @Override
        public Tolerance convert(String spec) {
            try {
                return ToleranceSpec.parse(spec);
            } catch (BadInputException e) {
                // picocli names the option; each error says what is wrong with a part of its value
                throw new TypeConversionException(String.join("; ", e.errors().stream().map(ToleranceOption::part).toList()));
            }
        }
    }
}
