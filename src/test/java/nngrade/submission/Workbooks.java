package nngrade.submission;

import nngrade.input.CsvRow;
import nngrade.input.CsvTable;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks for the tests, written as code: by fastexcel's writer (a package as a spreadsheet program
 * writes it: shared strings, styles, document properties), with a cell's XML replaced where the writer
 * cannot write what Excel does (a formula's computed value, an error cell, an inline string), or zipped
 * from parts by hand for files that are not workbooks at all.
 */
public final class Workbooks {
    public static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private Workbooks() {
    }

    /** A formula, written without a computed value (as fastexcel writes formulas). */
    public record Formula(String text) {
    }

    /**
     * A workbook of one sheet per entry, in order, each a list of rows: a String cell is text, a Number
     * a number (an Integer or Long written as a whole number, a Double as Java writes it: exactly), a
     * Boolean true/false, a {@link Formula} a formula, and null no cell at all.
     */
    public static byte[] write(Map<String, List<List<Object>>> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "nngrade-tests", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet ws = wb.newWorksheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object v = rows.get(r).get(c);
                        if (v instanceof String s) {
                            ws.value(r, c, s);
                        } else if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v instanceof Boolean b) {
                            ws.value(r, c, b);
                        } else if (v instanceof Formula f) {
                            ws.formula(r, c, f.text());
                        }
                    }
                }
            });
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A workbook of one sheet named "Sheet1". */
    public static byte[] sheet(List<List<Object>> rows) {
        return write(Map.of("Sheet1", rows));
    }

    /** A row of cells, null for a cell left empty. */
    public static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>();
        Collections.addAll(r, cells);
        return r;
    }

    /**
     * The rows of a CSV submission as a sheet named "Sheet1", as a student would type them: with
     * {@code numbers}, every cell that is a plain number is a number cell (a whole one written as such),
     * the others text; without, every cell is text. Empty cells are left out, as a spreadsheet leaves them.
     */
    public static byte[] fromCsv(String csv, boolean numbers) {
        List<List<Object>> rows = new ArrayList<>();
        for (CsvRow r : CsvTable.parse("csv", csv).rows()) {
            List<Object> cells = new ArrayList<>();
            for (String cell : r.cells()) {
                cells.add(cell.isEmpty() ? null : numbers ? number(cell) : cell);
            }
            rows.add(cells);
        }
        return sheet(rows);
    }

    private static Object number(String cell) {
        if (!PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        if (cell.matches("-?\\d{1,15}")) {
            return Long.parseLong(cell);
        }
        return Double.parseDouble(cell);
    }

    /** The workbook with cell {@code ref} of its first sheet (which must exist) replaced by {@code cellXml}. */
    public static byte[] withCell(byte[] xlsx, String ref, String cellXml) {
        return editSheet(xlsx, xml -> {
            Matcher m = Pattern.compile("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)").matcher(xml);
            if (!m.find()) {
                throw new IllegalArgumentException("no cell " + ref + " in " + xml);
            }
            return xml.substring(0, m.start()) + cellXml + xml.substring(m.end());
        });
    }

    /** The workbook with its first sheet's XML rewritten by {@code edit}. */
    public static byte[] editSheet(byte[] xlsx, UnaryOperator<String> edit) {
        return editPart(xlsx, SHEET, edit);
    }

    /** The workbook with its part {@code name} rewritten by {@code edit}. */
    public static byte[] editPart(byte[] xlsx, String name, UnaryOperator<String> edit) {
        Map<String, byte[]> parts = parts(xlsx);
        parts.put(name, edit.apply(new String(parts.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    /** The parts of a zip, in order. */
    public static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(new SeekableInMemoryByteChannel(zip))) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                try (InputStream in = z.getInputStream(e)) {
                    parts.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** A zip of {@code parts}, deflated; "mimetype" is stored, as OpenDocument files store it. */
    public static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                ZipEntry e = new ZipEntry(p.getKey());
                if (p.getKey().equals("mimetype")) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(p.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(p.getValue());
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(p.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A part of {@code before + filler × count + after}, deflated as it is written (a zip bomb is a few kB). */
    public static byte[] withBomb(byte[] xlsx, String part, String before, String filler, long count, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts(xlsx).entrySet()) {
                z.putNextEntry(new ZipEntry(p.getKey()));
                if (p.getKey().equals(part)) {
                    z.write(before.getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = filler.repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
                    for (long i = 0; i < count; i += 1 << 16) {
                        z.write(chunk);
                    }
                    z.write(after.getBytes(StandardCharsets.UTF_8));
                } else {
                    z.write(p.getValue());
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip of text parts, given as name, content, name, content… */
    public static byte[] zip(String... nameThenContent) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            parts.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return zip(parts);
    }

    /** A zip of {@code parts}, each stored as it is (no compression), as some programs write workbooks. */
    public static byte[] stored(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                ZipEntry e = new ZipEntry(p.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(p.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(p.getValue());
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(p.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final String PART = "\n--- part: ";
    private static final Pattern PARTS = Pattern.compile("\n--- part: ([^\n]*)\n");

    /**
     * A workbook's parts as one text, each after a line {@code --- part: NAME}: what the fuzzer
     * mutates, so that its mutations land in the XML rather than in the deflated bytes.
     */
    public static String unpacked(byte[] xlsx) {
        StringBuilder sb = new StringBuilder();
        parts(xlsx).forEach((name, bytes) -> sb.append(PART).append(name).append('\n')
                .append(new String(bytes, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** The workbook of an {@link #unpacked} text (mutated or not). */
    public static byte[] pack(byte[] unpacked) {
        String text = new String(unpacked, StandardCharsets.UTF_8);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Matcher m = PARTS.matcher(text);
        String name = null;
        int from = 0;
        while (m.find()) {
            if (name != null) {
                parts.putIfAbsent(name, text.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
            }
            name = m.group(1).length() > 1000 ? m.group(1).substring(0, 1000) : m.group(1); // a zip name is short
            from = m.end();
        }
        if (name != null) {
            parts.putIfAbsent(name, text.substring(from).getBytes(StandardCharsets.UTF_8));
        }
        return zip(parts);
    }

    /**
     * The zip with a two-byte field of every central directory header changed, as a damaged or exotic
     * file has it: {@code offset} from the header's start (8: the flags, 10: the compression method).
     */
    public static byte[] withCentralField(byte[] zip, int offset, IntUnaryOperator change) {
        byte[] out = zip.clone();
        for (int i = 0; i + 46 <= out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2) {
                int value = change.applyAsInt((out[i + offset] & 0xFF) | (out[i + offset + 1] & 0xFF) << 8);
                out[i + offset] = (byte) value;
                out[i + offset + 1] = (byte) (value >> 8);
            }
        }
        return out;
    }
}
