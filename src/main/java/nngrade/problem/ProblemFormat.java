package nngrade.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.input.JsonErrors;
import nngrade.input.JsonTrees;

import java.io.IOException;

/** The two ways to write a problem file: the same fields, as JSON or as YAML. */
enum ProblemFormat {
    JSON {
        @Override
        JsonNode tree(String source, String body) throws IOException {
            try (JsonParser p = JSON_PARSERS.createParser(body)) {
                return JsonTrees.document(p, JsonTrees.Floats.DECIMALS);
            }
        }

        @Override
        boolean isNothing(JsonNode root) {
            return root == null || root.isMissingNode();
        }
    },
    YAML {
        @Override
        JsonNode tree(String source, String body) throws IOException {
            if (body.length() > MAX_YAML_CHARS) {
                // SnakeYAML refuses more anyway, but only after a scan that takes minutes on one long line
                throw new BadInputException(InputError.inFile(source, "is a YAML file of over " + (MAX_YAML_CHARS >> 20)
                        + " MB; a YAML problem file is at most " + (MAX_YAML_CHARS >> 20) + " MB (write it as JSON, up to "
                        + (ProblemLoader.MAX_BYTES >> 20) + " MB)"));
            }
            refuseLongLine(source, body);
            return YamlParsers.YAML.readTree(body);
        }

        /** A YAML file of nothing but comments, or a lone "---". */
        @Override
        boolean isNothing(JsonNode root) {
            return root == null || root.isMissingNode() || root.isNull() || (root.isTextual() && root.asText().isEmpty());
        }
    };

    /** SnakeYAML's own limit (its LoaderOptions.codePointLimit), checked before parsing. */
    static final int MAX_YAML_CHARS = 3 << 20;
    /**
     * The longest line a YAML problem may have. SnakeYAML copies its whole look-ahead window for
     * every 1,024 characters it peeks at, so a scalar or comment of L characters costs about
     * L²/1,024 copies: 10 ms at this length, seconds at a megabyte.
     */
    static final int MAX_YAML_LINE_CHARS = 100_000;

    /** Refuses, at its line, a line longer than {@link #MAX_YAML_LINE_CHARS}. */
    private static void refuseLongLine(String source, String body) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '\n' || body.charAt(i) == '\r') {
                if (i - start > MAX_YAML_LINE_CHARS) {
                    throw new BadInputException(InputError.atLine(source, line, "is a line of " + (i - start)
                            + " characters; a line of a YAML problem file is at most " + MAX_YAML_LINE_CHARS
                            + " characters (break a long list over several lines, or write the problem as JSON)"));
                }
                if (i < body.length() && body.charAt(i) == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
    }

    // NaN and Infinity are read as numbers so that they are refused at their field, with its path.
    private static final JsonFactory JSON_PARSERS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** YAML unless the file name or the first character says JSON. */
    static ProblemFormat of(String source, String body) {
        boolean yaml = source.endsWith(".yaml") || source.endsWith(".yml")
                || (!source.endsWith(".json") && !body.stripLeading().startsWith("{"));
        return yaml ? YAML : JSON;
    }

    /** The tree of {@code body}, or the one line saying where and why it is not valid JSON or YAML. */
    JsonNode read(String source, String body) {
        try {
            return tree(source, body);
        } catch (JsonProcessingException e) {
            if (this == JSON && !body.stripLeading().startsWith("{")) { // not a problem at all: quote none of it
                throw new BadInputException(InputError.atLine(source, JsonErrors.line(e), "invalid JSON at column "
                        + JsonErrors.column(e) + "; expected an object {…} of a problem's fields, and the file does not "
                        + "start with { (not quoted: " + Excerpts.NOT_QUOTED + ")"));
            }
            throw new BadInputException(SyntaxMessages.of(source, this, e));
        } catch (IOException e) { // text in memory: not expected
            throw new BadInputException(InputError.inFile(source, "cannot be read: " + e.getMessage()));
        }
    }

    abstract JsonNode tree(String source, String body) throws IOException;

    /** Whether a parsed document holds nothing at all. */
    abstract boolean isNothing(JsonNode root);

    /** Made on first use: a JSON problem never pays for setting up YAML. */
    private static final class YamlParsers {
        static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
