package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.TextFiles;

import java.nio.file.Path;

/**
 * Loads a problem file (JSON, or YAML with the same fields) into a validated {@link Problem}.
 * Everything a teacher can get wrong is reported as an {@link InputError} naming the field:
 * the file is read by {@link TextFiles}, parsed as its {@link ProblemFormat}, and validated by
 * {@link ProblemValidator}.
 */
public final class ProblemLoader {
    /** The most draws a variant problem's constraints.maxTries may ask for (each draw solves the network once). */
    public static final int MAX_TRIES = 100_000;

    /** Problem files are hand-written; anything larger is a mistake. */
    public static final long MAX_BYTES = 16L << 20;
    /**
     * The most multiply-adds one forward pass may take: 100 times the largest homework network, and
     * well under a second of solving (the backward pass takes twice as many).
     */
    public static final long MAX_WORK = 100_000_000L;
    private static final FileKind FILE = new FileKind("a problem file", "a problem file", MAX_BYTES, null,
            "is not UTF-8 text", false);

    private ProblemLoader() {
    }

    /** Reads and validates the problem in {@code path}. */
    public static Problem load(Path path) {
        return build(read(path));
    }

    /** Reads and parses {@code path} without validating it, e.g. to draw a variant from it first. */
    public static ProblemFile read(Path path) {
        String source = path.toString();
        return parseFile(source, TextFiles.readRegularText(path, source, FILE));
    }

    /** Parses and validates problem text; YAML unless the file name or the first character says JSON. */
    public static Problem parse(String source, String text) {
        return build(parseFile(source, text));
    }

    /** Validates a parsed problem file into a problem. */
    public static Problem build(ProblemFile file) {
        return ProblemValidator.validate(file.source(), file.root());
    }

    /** Parses problem text into a tree, refusing what is not a JSON or YAML object. */
    public static ProblemFile parseFile(String source, String text) {
        // the text is kept as read, a byte-order mark included: variants are drawn from it
        String body = TextFiles.withoutBom(text);
        if (body.isBlank()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a problem (JSON or YAML)"));
        }
        ProblemFormat format = ProblemFormat.of(source, body);
        JsonNode root = format.read(source, body);
        if (format.isNothing(root)) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a problem (JSON or YAML)"));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new BadInputException(InputError.inFile(source,
                    "expected an object with the fields of a problem, found " + (root.isTextual() || root.isNumber()
                            ? "a single value (not quoted: " + Excerpts.NOT_QUOTED + ")" : Fields.describe(root))));
        }
        return new ProblemFile(source, text, object);
    }
}
