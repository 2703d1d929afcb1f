package org.cnnlab.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved files are written whole or not at all: into a temporary file beside the target, forced to
 * the disk ({@link FileChannel#force}), moved over the target in one step (an atomic rename), and the
 * folder forced too, so after a crash or a power cut the target is the old file or the new one, never
 * part of one. Temporary files a crash left behind are deleted at start.
 */
final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    /** Younger temporary files may be another node's write in flight (nodes share the data directory). */
    static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    static void write(Path target, byte[] bytes, String partSuffix) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, target.getFileName().toString() + ".", partSuffix);
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        forceFolder(folder);
    }

    /** The rename itself is on the disk once the folder is (POSIX; where a folder cannot be opened, as on Windows, skipped). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here: the file itself was forced
        }
    }

    /** Deletes temporary files ({@code *<partSuffix>}) older than {@link #ORPHAN_AGE} anywhere under {@code root}. */
    static int removeOrphans(Path root, String partSuffix) {
        if (!Files.isDirectory(root)) return 0;
        Instant before = Instant.now().minus(ORPHAN_AGE);
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(partSuffix) && Files.isRegularFile(f)).toList()) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(before) && Files.deleteIfExists(p)) removed++;
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary file {}: {}", p, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for temporary files under {}: {}", root, e.toString());
        }
        if (removed > 0) LOG.info("Deleted {} temporary file(s) left under {} by an interrupted save", removed, root);
        return removed;
    }
}
