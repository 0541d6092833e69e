package nngrade.submission;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.BadInputException;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.input.JsonErrors;
import nngrade.input.JsonTrees;
import nngrade.problem.Fields;
import nngrade.problem.Matrix;
import nngrade.problem.MatrixReader;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON submission document. Streams the top level so that each quantity keeps its
 * line number and a repeated quantity is reported rather than silently overwritten.
 * Forgiving where students slip (trailing commas, comments), strict on numbers.
 */
final class JsonSubmissionReader {
    private static final List<String> TOP = List.of("problem", "student", "variant", "answers");
    // A bare parser, not an ObjectMapper: see JsonTrees.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Not StreamReadFeature.USE_FAST_DOUBLE_PARSER: a third faster once C2 has compiled it,
            // but two to three times slower than the JDK's parser under C1, which bin/nngrade uses
            .build();

    private JsonSubmissionReader() {
    }

    static Submission parse(String source, String text, Problem problem) {
        return parse(source, () -> FACTORY.createParser(text), () -> text, problem);
    }

    /** From ASCII bytes, which the byte parser reads fastest. */
    static Submission parse(String source, byte[] ascii, Problem problem) {
        return parse(source, () -> FACTORY.createParser(ascii), () -> new String(ascii, StandardCharsets.US_ASCII),
                problem);
    }

    /** A parser over text or bytes, opened where its failures are reported with every other. */
    private interface Opener {
        JsonParser open() throws IOException;
    }

    /** The document as text, made only for a syntax error's message. */
    private interface Text {
        CharSequence get();
    }

    private static Submission parse(String source, Opener opener, Text text, Problem problem) {
        ErrorList errors = new ErrorList(source);
        Map<Quantity, Answer> answers = new LinkedHashMap<>();
        Map<Quantity, Integer> firstLine = new HashMap<>();
        String problemId = null;
        String student = null;
        String variant = null;
        boolean sawAnswers = false;
        try (JsonParser p = opener.open()) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(InputError.atLine(source, line(p),
                        "expected an object {\"answers\": {...}}, found " + describe(p.currentToken())));
            }
            Map<String, Integer> seen = new HashMap<>(); // top-level field → its first line
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = line(p);
                JsonToken value = p.nextToken();
                if (TOP.contains(field) && seen.putIfAbsent(field, fieldLine) != null) {
                    // like a quantity answered twice: said, and the first one counts
                    errors.add(new InputError(source, fieldLine, field, field + " is given twice (first on line "
                            + seen.get(field) + "); the first is used"));
                    p.skipChildren();
                    continue;
                }
                switch (field) {
                    case "problem", "student" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            errors.add(new InputError(source, fieldLine, field, "expected text, found " + describe(value)));
                            p.skipChildren();
                        } else if (field.equals("problem")) {
                            problemId = p.getText();
                        } else {
                            student = p.getText();
                        }
                    }
                    case "variant" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            errors.add(new InputError(source, fieldLine, field, "expected the variant code printed on "
                                    + "the task sheet, as text (\"7K3M-Q9XD\"), found " + describe(value)));
                            p.skipChildren();
                        } else if (!p.getText().isBlank()) {
                            variant = p.getText().strip();
                        }
                    }
                    case "answers" -> {
                        sawAnswers = true;
                        if (value != JsonToken.START_OBJECT) {
                            throw new BadInputException(new InputError(source, fieldLine, "answers",
                                    "expected an object of quantity names and values, found " + describe(value)));
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            int at = line(p);
                            p.nextToken();
                            JsonNode node = JsonTrees.value(p, JsonTrees.Floats.DOUBLES);
                            answer(source, name, at, node, problem, answers, firstLine, errors);
                        }
                    }
                    default -> {
                        errors.add(new InputError(source, fieldLine, Excerpts.pathName(field),
                                Fields.unknownMessage("field", field, TOP)));
                        p.skipChildren();
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadInputException(InputError.atLine(source, line(p), "unexpected content after the answers object"));
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(JsonErrors.forStudents(source, e, text.get()));
        } catch (IOException e) {
            throw new BadInputException(InputError.inFile(source, "cannot be read: " + e.getMessage()));
        }
        if (!sawAnswers) {
            errors.add(InputError.inFile(source, "has no \"answers\" object; expected {\"answers\": {\"z1\": [...], ...}} "
                    + "(nngrade template PROBLEM prints one)"));
            throw new BadInputException(errors.list());
        }
        if (answers.isEmpty() && errors.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "has no answers; expected \"answers\": {\"z1\": [...], ...}"));
        }
        return new Submission(source, problemId, student, variant, answers, errors.list());
    }

    private static void answer(String source, String name, int line, JsonNode node, Problem problem,
                               Map<Quantity, Answer> answers, Map<Quantity, Integer> firstLine, ErrorList errors) {
        var layers = problem.quantities();
        String path = "answers." + Excerpts.pathName(name);
        Optional<Quantity> q = QuantityNames.resolveInSubmission(name, layers);
        if (q.isEmpty()) {
            // past the list's cap the message is counted, not kept: no suggestion to look for
            List<Quantity> asked = errors.count() < ErrorList.MAX ? problem.ask() : List.of();
            errors.add(new InputError(source, line, path, QuantityNames.unknown(name, layers, asked)));
            return;
        }
        if (answers.containsKey(q.get())) {
            errors.add(new InputError(source, line, path, "\"" + Excerpts.shown(name) + "\" is answered twice (first on line "
                    + firstLine.get(q.get()) + "); the first answer is graded"));
            return;
        }
        firstLine.put(q.get(), line);
        if (QuantityNames.isLoose(name, layers)) {
            errors.add(new InputError(source, line, path, QuantityNames.readAs(name, q.get())));
        }
        if (isBlank(node)) {
            return; // a template left empty: missing, not wrong
        }
        List<String> problems = new ArrayList<>();
        Matrix m = MatrixReader.read(node, path, (where, msg) -> {
            Answer.addProblem(problems, where + ": " + msg);
            errors.add(new InputError(source, line, where, msg));
        }, 1);
        String split = m == null ? null : splitDecimals(node, m, q.get(), problem);
        if (split != null) {
            problems.add(path + ": " + split);
            errors.add(new InputError(source, line, path, split));
            m = null;
        }
        answers.put(q.get(), m == null ? Answer.unreadable(name, problems) : Answer.readable(name, m));
    }

    /**
     * Why {@code m} looks like numbers written with decimal commas ({@code [0,6365, 0,3132]}), which
     * JSON reads as twice as many whole numbers; null if it does not. Said only when the pairs
     * account for exactly the values the quantity has, every one a whole number and every second
     * one without a sign: a wrong answer of whole numbers is otherwise left to be graded.
     */
    private static String splitDecimals(JsonNode node, Matrix m, Quantity q, Problem problem) {
        int[] shape = problem.shapeOf(q);
        if (m.size() != 2 * shape[0] * shape[1] || !pairs(node)) {
            return null;
        }
        String first = (long) m.at(0) + "," + wholeText(node);
        int values = shape[0] * shape[1];
        return m.size() + " whole numbers where " + q.name() + " has " + values + (values == 1 ? " value" : " values")
                + "; if " + first + " is one number with a decimal comma, write " + first.replace(',', '.')
                + ", or \"" + first + "\" as text";
    }

    /** Whether every list of {@code node} holds an even number of whole numbers, every second one unsigned. */
    private static boolean pairs(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        if (node.size() > 0 && node.get(0).isArray()) {
            for (JsonNode row : node) {
                if (!pairs(row)) {
                    return false;
                }
            }
            return true;
        }
        if (node.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || (i % 2 == 1 && v.asLong() < 0)) {
                return false;
            }
        }
        return true;
    }

    /** The text of the second whole number of the first list, the digits after a decimal comma. */
    private static String wholeText(JsonNode node) {
        JsonNode row = node.get(0).isArray() ? node.get(0) : node;
        return row.get(1).asText();
    }

    /** null, or lists of nothing but nulls: an unanswered template entry. */
    private static boolean isBlank(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode e : node) {
            if (!isBlank(e)) {
                return false;
            }
        }
        return true;
    }

    private static int line(JsonParser p) {
        var loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
