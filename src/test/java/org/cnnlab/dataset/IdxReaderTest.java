package org.cnnlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The IDX reader on files written here, plain and gzipped, and on broken ones. */
class IdxReaderTest {

    static byte[] idx(int[] dims, byte[] data, boolean gzip) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) out.writeInt(d);
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void images_and_labels_read_back_as_written_plain_and_gzipped() throws Exception {
        byte[] pixels = new byte[3 * 2 * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 10);
        byte[] labels = {2, 0, 1};
        for (boolean gzip : new boolean[] {false, true}) {
            IdxReader.Idx images = IdxReader.read(new ByteArrayInputStream(idx(new int[] {3, 2, 4}, pixels, gzip)), 1 << 20);
            IdxReader.Idx l = IdxReader.read(new ByteArrayInputStream(idx(new int[] {3}, labels, gzip)), 1 << 20);
            assertThat(images.dims()).containsExactly(3, 2, 4);
            LabelledImages set = IdxReader.labelled("t", List.of("a", "b", "c"), images, l);
            assertThat(set.size()).isEqualTo(3);
            assertThat(set.labels()).containsExactly(2, 0, 1);
            assertThat(set.pixels()[9]).isEqualTo(90 / 255f);
            assertThat(set.classCounts()).containsExactly(1, 1, 1);
        }
    }

    @Test
    void broken_files_are_refused_with_a_reason() throws Exception {
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 100))
                .isInstanceOf(InvalidInputException.class);
        byte[] huge = idx(new int[] {100_000, 28, 28}, new byte[0], false);
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(huge), 1 << 20))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("dataset.error.tooLarge");
        byte[] truncated = idx(new int[] {2, 2}, new byte[] {1}, false);
        assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(truncated), 100)).isInstanceOf(EOFException.class);
    }

    @Test
    void procedural_shapes_are_seeded_balanced_and_in_range() {
        LabelledImages a = ProceduralShapes.generate(20, true, 7);
        LabelledImages b = ProceduralShapes.generate(20, true, 7);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(a.classCounts()).containsOnly(20);
        for (float v : a.pixels()) assertThat(v).isBetween(0f, 1f);
        assertThat(ProceduralShapes.generate(20, true, 8).pixels()).isNotEqualTo(a.pixels());
    }
}
