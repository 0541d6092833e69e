package nngrade.input;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a workbook must pass before fastexcel-reader sees it. fastexcel-reader trusts its input:
 * it unpacks parts without a limit (a zip bomb is read to the end), allocates a row as wide as the
 * largest column a cell names ({@code r="AAAAAA1"} is 300 million columns), reads the shared
 * strings up to whatever index a cell names (index 2,000,000,000 adds two billion empty strings),
 * expands shared formulas and looks up array formulas in time quadratic in their number and size,
 * and hands any compression method to commons-compress, whose xz and zstd methods need libraries
 * nngrade does not ship.
 *
 * <p>So every part is read here first, through the same zip reader (commons-compress) and the same
 * XML parser (aalto, configured as fastexcel-reader configures it: no DTD, no external entities),
 * until the end or the first XML error (where fastexcel-reader would stop too), with every part
 * together bounded to {@link #MAX_UNPACKED} bytes, and each of those patterns refused with a line
 * naming the part. The bounds are far beyond what a spreadsheet writes (they are Excel's own limits
 * where it has one), so no workbook a spreadsheet saved is refused.
 */
final class XlsxGuard {
    /** All parts together, unpacked; a sheet of answers is a few kB. */
    static final long MAX_UNPACKED = 64L << 20;
    static final int MAX_PARTS = 10_000;
    /** Sheets of a workbook, and relationships of a part: each is an object fastexcel-reader keeps. */
    static final int MAX_SHEETS = 10_000;
    /** Excel's last column, XFD; a row holds at most this many cells. */
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_SHARED_STRING = 1_000_000;
    /**
     * Characters of a text (Excel's limit is 32,767), of a formula (8,192), and of a number: the
     * decimal number of a numeric cell is parsed in time quadratic in its length.
     */
    static final int MAX_TEXT_CHARS = 100_000;
    static final int MAX_FORMULA_CHARS = 16_384;
    static final int MAX_NUMBER_CHARS = 1_000;
    static final int MAX_DEPTH = 1_000;
    /** Characters copied expanding shared formulas, and cells times array formulas looked through. */
    static final long MAX_FORMULA_WORK = 200_000_000L;

    private static final byte[] CENTRAL_HEADER = {'P', 'K', 1, 2};
    private static final XMLInputFactory XML = xmlFactory();

    private XlsxGuard() {
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    /** Refuses {@code bytes} (a zip) unless they are a workbook fastexcel-reader can read safely. */
    static void check(String source, byte[] bytes) {
        // commons-compress reads the whole central directory before it can be asked how many entries
        // there are: count the entries' signatures first, so 16 MB of empty entries is not a million objects
        if (occurrences(bytes, CENTRAL_HEADER) > MAX_PARTS) {
            throw refused(source, "has over " + MAX_PARTS + " parts; a workbook a spreadsheet writes has a few dozen");
        }
        try (ZipFile zip = new ZipFile(new SeekableInMemoryByteChannel(bytes))) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            kind(source, zip, entries);
            Budget budget = new Budget();
            for (ZipArchiveEntry e : entries) {
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    throw new BadInputException(InputError.inFile(source, XlsxTable.PASSWORD));
                }
                if (e.getMethod() != ZipArchiveEntry.STORED && e.getMethod() != ZipArchiveEntry.DEFLATED) {
                    throw refused(source, "part " + name(e) + " is packed with a method spreadsheets do not use ("
                            + e.getMethod() + ")");
                }
                try (InputStream in = budget.counting(zip.getInputStream(e))) {
                    new Scan(source, name(e)).run(in);
                } catch (XMLStreamException | IOException | RuntimeException bad) {
                    if (bad instanceof BadInputException b) {
                        throw b;
                    }
                    if (budget.exceeded) {
                        throw new BadInputException(InputError.inFile(source, "unpacks to more than "
                                + (MAX_UNPACKED >> 20) + " MB; an answer sheet is far smaller: delete the other sheets, "
                                + "or save the answers as CSV"));
                    }
                    // not XML (an image), or XML with an error: fastexcel-reader stops at the same place
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(InputError.inFile(source, XlsxTable.DAMAGED_ZIP));
        }
    }

    /** An OpenDocument or Numbers file, or a zip that is no workbook at all, is told as what it is. */
    private static void kind(String source, ZipFile zip, List<ZipArchiveEntry> entries) throws IOException {
        boolean contentTypes = false;
        for (ZipArchiveEntry e : entries) {
            String n = e.getName();
            if (n.equals("mimetype") && e.getMethod() == ZipArchiveEntry.STORED) {
                byte[] type;
                try (InputStream in = zip.getInputStream(e)) {
                    type = in.readNBytes(100);
                }
                if (new String(type, StandardCharsets.ISO_8859_1).startsWith("application/vnd.oasis.opendocument")) {
                    throw new BadInputException(InputError.inFile(source,
                            "is an OpenDocument file (.ods); save it as .xlsx (Excel 2007-365) or as CSV"));
                }
            }
            if (n.startsWith("Index/") && n.endsWith(".iwa")) {
                throw new BadInputException(InputError.inFile(source,
                        "is an Apple Numbers file; export it as .xlsx (File › Export To › Excel) or as CSV"));
            }
            contentTypes |= n.equalsIgnoreCase("[Content_Types].xml");
        }
        if (!contentTypes) {
            throw new BadInputException(InputError.inFile(source, "is a zip archive, not an Excel workbook (it has no "
                    + "[Content_Types].xml); save the answers from the spreadsheet as .xlsx or CSV"));
        }
    }

    private static String name(ZipArchiveEntry e) {
        return "\"" + Excerpts.shown(e.getName()) + "\"";
    }

    private static BadInputException refused(String source, String why) {
        return new BadInputException(InputError.inFile(source, "is not a workbook as a spreadsheet writes it: " + why
                + "; save it again from the spreadsheet, or save the answers as CSV"));
    }

    private static int occurrences(byte[] bytes, byte[] what) {
        int n = 0;
        for (int i = 0; i + what.length <= bytes.length; i++) {
            if (bytes[i] == what[0] && bytes[i + 1] == what[1] && bytes[i + 2] == what[2] && bytes[i + 3] == what[3]) {
                n++;
            }
        }
        return n;
    }

    /** The bytes unpacked so far, of all parts. */
    private static final class Budget {
        long left = MAX_UNPACKED;
        boolean exceeded;

        InputStream counting(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        take(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, (int) Math.min(len, left + 1));
                    if (n > 0) {
                        take(n);
                    }
                    return n;
                }
            };
        }

        private void take(int n) throws IOException {
            left -= n;
            if (left < 0) {
                exceeded = true;
                throw new IOException("over the budget");
            }
        }
    }

    /**
     * The text of one element as fastexcel-reader reads it: every piece of text up to the element's end,
     * inside nested elements too. A v, an f and a text (t, si, is) are followed each on its own, so
     * that one inside another is still seen.
     */
    private static final class Capture {
        final String element;
        final int max;
        final StringBuilder text = new StringBuilder();
        final String type; // of a formula: t, ref and si
        final String ref;
        final String si;
        int depth;

        Capture(String element, int max, XMLStreamReader x) {
            this.element = element;
            this.max = max;
            boolean formula = element.equals("f");
            this.type = formula ? x.getAttributeValue(null, "t") : null;
            this.ref = formula ? x.getAttributeValue(null, "ref") : null;
            this.si = formula ? x.getAttributeValue(null, "si") : null;
        }
    }

    /** One pass over a part's XML, looking for what would make fastexcel-reader take too long or too much. */
    private static final class Scan {
        private final String source;
        private final String part;
        /** The type (t) of each open c element: a v anywhere inside one of type s is a shared-string index. */
        private final Deque<String> cells = new ArrayDeque<>();
        private int openShared;
        private int openNumeric;
        private final Map<Integer, long[]> sharedFormulas = new HashMap<>(); // si -> {length, references}
        private int depth;
        private int cellsInRow; // since the last end of a row, so a row nested in a row still counts
        private long arrayFormulas;
        private long formulaWork;
        private int sheets;
        private Capture value;
        private Capture formula;
        private Capture text;

        Scan(String source, String part) {
            this.source = source;
            this.part = part;
        }

        void run(InputStream in) throws XMLStreamException {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    switch (x.next()) {
                        case XMLStreamConstants.START_ELEMENT -> start(x);
                        case XMLStreamConstants.END_ELEMENT -> end(x.getLocalName());
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (value != null || formula != null || text != null) {
                                String t = x.getText();
                                append(value, t);
                                append(formula, t);
                                append(text, t);
                            }
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                x.close();
            }
        }

        private void append(Capture c, String t) {
            if (c == null) {
                return;
            }
            c.text.append(t);
            if (c.text.length() > c.max) {
                String what = c == formula ? "formula" : c == value ? "value" : "text";
                throw refused(source, "part " + part + " has a " + what + " of over " + c.max + " characters");
            }
        }

        private void start(XMLStreamReader x) {
            if (++depth > MAX_DEPTH) {
                throw refused(source, "part " + part + " nests elements over " + MAX_DEPTH + " deep");
            }
            for (Capture c : new Capture[] {value, formula, text}) {
                if (c != null) {
                    c.depth++;
                }
            }
            String element = x.getLocalName();
            switch (element) {
                case "c" -> cell(x);
                case "sheet", "Relationship" -> {
                    if (++sheets > MAX_SHEETS) {
                        throw refused(source, "part " + part + " lists over " + MAX_SHEETS + " sheets or parts");
                    }
                }
                case "v" -> value = value != null ? value
                        : new Capture(element, openNumeric > 0 ? MAX_NUMBER_CHARS : MAX_TEXT_CHARS, x);
                case "f" -> formula = formula != null ? formula : new Capture(element, MAX_FORMULA_CHARS, x);
                case "t", "si", "is" -> text = text != null ? text : new Capture(element, MAX_TEXT_CHARS, x);
                default -> {
                }
            }
        }

        private void cell(XMLStreamReader x) {
            String type = x.getAttributeValue(null, "t");
            type = type == null ? "n" : type;
            cells.push(type);
            openShared += type.equals("s") ? 1 : 0;
            openNumeric += type.equals("n") ? 1 : 0;
            if (++cellsInRow > MAX_COLUMNS) {
                throw refused(source, "part " + part + " has a row of over " + MAX_COLUMNS + " cells");
            }
            formulaWork += arrayFormulas; // each cell is looked for in every array formula seen so far
            String ref = x.getAttributeValue(null, "r");
            if (ref != null && column(ref) > MAX_COLUMNS) {
                throw refused(source, "part " + part + " has a cell beyond the last column, XFD: \""
                        + Excerpts.shown(ref) + "\"");
            }
            work();
        }

        /** The column of a reference such as "AB12" or "$AB$12", counted as fastexcel-reader counts it (A = 1). */
        private static long column(String ref) {
            long col = 0;
            for (int i = ref.startsWith("$") ? 1 : 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c == '$' || (c >= '0' && c <= '9')) {
                    break;
                }
                col = Math.min(col * 26 + (Character.toUpperCase(c) - 'A' + 1), Integer.MAX_VALUE);
            }
            return col;
        }

        private void end(String element) {
            depth--;
            if (ends(value)) {
                sharedString(value.text.toString());
                value = null;
            }
            if (ends(formula)) {
                formula(formula);
                formula = null;
            }
            if (ends(text)) {
                text = null;
            }
            if (element.equals("c") && !cells.isEmpty()) {
                String type = cells.pop();
                openShared -= type.equals("s") ? 1 : 0;
                openNumeric -= type.equals("n") ? 1 : 0;
            } else if (element.equals("row")) {
                cellsInRow = 0;
            }
        }

        /** Whether this end is the end of the captured element (well-formed XML: the one at its depth). */
        private static boolean ends(Capture c) {
            return c != null && c.depth-- == 0;
        }

        private void sharedString(String v) {
            if (openShared == 0) {
                return;
            }
            try {
                if (Integer.parseInt(v) > MAX_SHARED_STRING) {
                    throw refused(source, "part " + part + " has a cell that refers to shared text number "
                            + Excerpts.shown(v) + ", beyond " + MAX_SHARED_STRING);
                }
            } catch (NumberFormatException notAnIndex) {
                // fastexcel-reader refuses it on its own
            }
        }

        private void formula(Capture f) {
            if ("array".equals(f.type) && f.ref != null) {
                arrayFormulas++;
            } else if ("shared".equals(f.type) && f.si != null) {
                Integer si;
                try {
                    si = Integer.parseInt(f.si); // as fastexcel-reader keys them: "01" is 1
                } catch (NumberFormatException e) {
                    return; // fastexcel-reader refuses it on its own
                }
                if (f.ref != null) {
                    long refs = f.text.chars().filter(c -> (c >= 'A' && c <= 'Z') || c == '$').count();
                    sharedFormulas.put(si, new long[] {f.text.length(), refs});
                } else {
                    // each reference of the shared formula copies the formula built so far
                    long[] base = sharedFormulas.get(si);
                    if (base != null) {
                        formulaWork += base[0] * (1 + base[1]);
                    }
                }
            }
            work();
        }

        private void work() {
            if (formulaWork > MAX_FORMULA_WORK) {
                throw refused(source, "part " + part + " has more shared and array formulas than a sheet can hold");
            }
        }
    }
}
