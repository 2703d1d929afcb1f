package org.cnnlab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void a_write_replaces_the_file_whole_and_leaves_no_temporary_file() throws Exception {
        Path folder = Files.createTempDirectory("atomic");
        Path target = folder.resolve("student").resolve("m.cnnlab");
        AtomicFiles.write(target, new byte[] {1, 2, 3}, ".part");
        AtomicFiles.write(target, new byte[] {4, 5}, ".part");
        assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.cnnlab");
        }
    }

    @Test
    void temporary_files_an_interrupted_save_left_are_deleted_at_start_but_not_a_write_in_flight(@TempDir Path root) throws Exception {
        Path student = Files.createDirectories(root.resolve("abc123"));
        Path orphan = Files.write(student.resolve("x.cnnlab.123.part"), new byte[] {1});
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(AtomicFiles.ORPHAN_AGE).minusSeconds(60)));
        Path inFlight = Files.write(student.resolve("y.cnnlab.456.part"), new byte[] {2});   // another node writing now
        Path model = Files.write(student.resolve("z.cnnlab"), new byte[] {3});
        Files.setLastModifiedTime(model, FileTime.from(Instant.now().minusSeconds(86_400)));
        assertThat(AtomicFiles.removeOrphans(root, ".part")).isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(model).exists();
        assertThat(AtomicFiles.removeOrphans(root.resolve("nothing-here"), ".part")).isZero();
    }
}
