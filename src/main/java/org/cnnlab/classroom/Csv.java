package org.cnnlab.classroom;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 rows; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
final class Csv {
    private Csv() {
    }

    static String row(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
