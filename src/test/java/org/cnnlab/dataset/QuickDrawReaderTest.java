package org.cnnlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The QuickDraw reader on files written here in the package's format, and on broken ones. */
class QuickDrawReaderTest {

    private static byte[] gz(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String line(int n, float value) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", i == 5 ? value : 0f));
        return b.append("]").toString();
    }

    @Test
    void categories_and_drawings_read_back_as_written() throws Exception {
        String js = "module.exports = [\n  'aircraft carrier', 'apple',\n  'hot dog'\n];\n";
        assertThat(QuickDrawReader.categories(new ByteArrayInputStream(js.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("aircraft carrier", "apple", "hot dog");
        byte[] file = gz(line(16, 0.5f) + "\n" + line(16, 1f) + "\n\n" + line(16, 0.25f) + "\n");
        List<float[]> all = QuickDrawReader.drawings(new ByteArrayInputStream(file), 4, 10);
        assertThat(all).hasSize(3);
        assertThat(all.get(0)[5]).isEqualTo(0.5f);
        assertThat(all.get(1)[5]).isEqualTo(1f);
        assertThat(all.get(2)[5]).isEqualTo(0.25f);
        assertThat(all.get(2)[4]).isZero();
        assertThat(QuickDrawReader.drawings(new ByteArrayInputStream(file), 4, 2)).hasSize(2);
    }

    @Test
    void broken_files_are_refused_with_a_reason() throws Exception {
        for (String bad : List.of(line(15, 0.5f), line(16, 1.5f), line(16, Float.NaN), "{\"not\":\"an array\"}", "[a,b]")) {
            assertThatThrownBy(() -> QuickDrawReader.drawings(new ByteArrayInputStream(gz(bad)), 4, 10))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("dataset.error.quickdraw");
        }
        assertThatThrownBy(() -> QuickDrawReader.categories(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))))
                .hasMessageStartingWith("dataset.error.quickdraw");
        assertThatThrownBy(() -> QuickDrawReader.drawings(new ByteArrayInputStream("plain".getBytes(StandardCharsets.UTF_8)), 4, 10))
                .isInstanceOf(IOException.class);
    }
}
