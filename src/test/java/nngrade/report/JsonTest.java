package nngrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Json.pretty writes what ObjectMapper with INDENT_OUTPUT writes, byte for byte. */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesLikeTheObjectMapperOnRandomTrees() throws Exception {
        Random r = new Random(2026);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomNode(r, 0);
            assertEquals(MAPPER.writeValueAsString(tree) + "\n", Json.pretty(tree), () -> tree.toString());
        }
    }

    @Test
    void writesAnEmptyObjectAndTextThatNeedsEscaping() throws Exception {
        ObjectNode o = NODES.objectNode();
        assertEquals(MAPPER.writeValueAsString(o) + "\n", Json.pretty(o));
        o.put("id", "<script>\"ă\\ş\"\u0001</script>");
        o.putArray("empty");
        assertEquals(MAPPER.writeValueAsString(o) + "\n", Json.pretty(o));
    }

    private static JsonNode randomNode(Random r, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(8) : r.nextInt(10);
        switch (kind) {
            case 0 -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    o.set("k" + r.nextInt(100) + (r.nextBoolean() ? "ţ" : ""), randomNode(r, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(randomNode(r, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return NODES.numberNode((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
            }
            case 3 -> {
                return NODES.numberNode(r.nextInt());
            }
            case 4 -> {
                return NODES.numberNode(r.nextLong());
            }
            case 5 -> {
                return NODES.numberNode(new BigDecimal(r.nextInt(100000)).scaleByPowerOfTen(r.nextInt(10) - 5));
            }
            case 6 -> {
                return NODES.numberNode(BigInteger.valueOf(r.nextLong()).multiply(BigInteger.TEN.pow(5)));
            }
            case 7 -> {
                return NODES.textNode("t\t\"" + r.nextInt() + "\n€");
            }
            case 8 -> {
                return NODES.booleanNode(r.nextBoolean());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }
}
