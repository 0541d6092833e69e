package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;

import java.util.List;

/**
 * How a tolerance is written: an object of a problem file such as {@code {"absolute": 0.01}}, or
 * the command line's {@code --tolerance decimals=2}.
 */
public final class ToleranceSpec {
    private static final List<String> TOLERANCE = List.of("absolute", "relative", "decimals", "sigfigs");

    private ToleranceSpec() {
    }

    /** A tolerance from the command line, e.g. {@code decimals=2} or {@code absolute=0.01,relative=0.01}. */
    public static Tolerance parse(String spec) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new BadInputException(InputError.atField("command line", "--tolerance",
                        "expected kind=value such as decimals=2 or absolute=0.01, found \"" + Excerpts.shown(spec) + "\""));
            }
            node.put(kv[0].strip(), kv[1].strip());
        }
        Validation pass = new Validation("command line");
        Tolerance t = read(node, "--tolerance", pass);
        pass.stopIfErrors();
        return t;
    }

    /** One tolerance object at {@code path}, or null after reporting why it is not one. */
    static Tolerance read(JsonNode n, String path, Validation pass) {
        if (!n.isObject()) {
            pass.error(path, "expected an object such as {\"absolute\": 0.01}, found " + Fields.describe(n));
            return null;
        }
        for (String f : Fields.unknown(n, TOLERANCE)) {
            pass.error(path + "." + Excerpts.pathName(f), Fields.unknownMessage("tolerance", f, TOLERANCE));
        }
        Double abs = pass.nonNegative(n.get("absolute"), path + ".absolute");
        Double rel = pass.nonNegative(n.get("relative"), path + ".relative");
        Double dec = pass.nonNegative(n.get("decimals"), path + ".decimals");
        Double sig = pass.nonNegative(n.get("sigfigs"), path + ".sigfigs");
        int kinds = (abs != null || rel != null ? 1 : 0) + (dec != null ? 1 : 0) + (sig != null ? 1 : 0);
        if (kinds == 0) {
            if (n.isEmpty()) {
                pass.error(path, "is empty; expected absolute and/or relative, or decimals, or sigfigs");
            }
            return null;
        }
        if (kinds > 1) {
            pass.error(path, "combines decimals or sigfigs with another tolerance; use absolute and/or relative, "
                    + "or decimals, or sigfigs");
            return null;
        }
        if (dec != null) {
            return wholeNumber(dec, path + ".decimals", 0, pass) ? new Tolerance.Decimals(dec.intValue()) : null;
        }
        if (sig != null) {
            return wholeNumber(sig, path + ".sigfigs", 1, pass) ? new Tolerance.SigFigs(sig.intValue()) : null;
        }
        return new Tolerance.Bound(abs == null ? 0 : abs, rel == null ? 0 : rel);
    }

    private static boolean wholeNumber(double v, String path, int min, Validation pass) {
        if (v != Math.rint(v) || v < min || v > 15) {
            pass.error(path, "expected a whole number from " + min + " to 15, found " + Numbers.exact(v));
            return false;
        }
        return true;
    }
}
