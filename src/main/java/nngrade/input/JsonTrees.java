package nngrade.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * JSON values read into trees straight from the streaming parser, without an ObjectMapper:
 * setting one up costs a cold start about a tenth of a second, and reading through it is
 * several times slower than this for the small documents nngrade reads. The trees are those
 * databind builds (the same node types, the same numbers).
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How a number with a fraction or exponent becomes a node. */
    public enum Floats {
        /** A double; one too large for a double is kept as a decimal, so a message can show it. */
        DOUBLES,
        /** Always a decimal (databind's USE_BIG_DECIMAL_FOR_FLOATS): exact, and slower. */
        DECIMALS
    }

    private JsonTrees() {
    }

    /**
     * The whole document: one value, then nothing (as databind's FAIL_ON_TRAILING_TOKENS: a
     * "Trailing token" error otherwise); a document of nothing is a missing node.
     */
    public static JsonNode document(JsonParser p, Floats floats) throws IOException {
        if (p.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value(p, floats);
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new JsonParseException(p, "Trailing token (of type " + after + ") found after value",
                    p.currentTokenLocation());
        }
        return root;
    }

    /** The value at the parser's current token. Depth is bounded by the parser's nesting limit. */
    public static JsonNode value(JsonParser p, Floats floats) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, floats));
                }
                return array;
            }
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, value(p, floats)); // a repeated key: the last one, as databind reads it
                }
                return object;
            }
            case VALUE_NUMBER_FLOAT -> {
                return floatNode(p, floats);
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")");
        }
    }

    private static JsonNode floatNode(JsonParser p, Floats floats) throws IOException {
        if (p.isNaN()) { // NaN and ±Infinity, as written: refused later at their field
            return NODES.numberNode(p.getDoubleValue());
        }
        if (floats == Floats.DOUBLES) {
            double v = p.getDoubleValue();
            if (!Double.isInfinite(v)) {
                return NODES.numberNode(v);
            }
        }
        try {
            return NODES.numberNode(p.getDecimalValue());
        } catch (NumberFormatException e) { // 1e2147483648: beyond even a decimal's exponent
            throw new JsonParseException(p, "Malformed numeric value (" + p.getText() + ")");
        }
    }
}
