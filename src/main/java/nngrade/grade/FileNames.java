package nngrade.grade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** Student ids made safe as file names on every system, still telling students apart. */
public final class FileNames {
    private static final int MAX = 80;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {
    }

    /**
     * Letters, digits, '.', '-' and '_' are kept (but a name never starts with '.', which hides it,
     * or '-', which tools read as an option); anything else becomes '_'. An id that had to
     * change (or is reserved, or too long) gets a short hash of the original, so two ids never
     * share a file: {@code ../../x} → {@code _.._x-3f9a1c2b}.
     */
    public static String safe(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || ((c == '.' || c == '-') && i > 0);
            sb.append(ok ? c : '_');
        }
        String s = sb.toString().replace("..", "_.");
        String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        boolean changed = !s.equals(id) || s.isEmpty() || s.length() > MAX
                || RESERVED.contains(base.toLowerCase(Locale.ROOT));
        if (!changed) {
            return s;
        }
        if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            s = s.replaceFirst("\\.", "_"); // Windows reserves NUL.txt as it does NUL: the part before the first dot counts
        }
        String trimmed = s.length() > MAX ? s.substring(0, MAX) : s;
        return (trimmed.isEmpty() ? "_" : trimmed) + "-" + hash(id);
    }

    private static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
