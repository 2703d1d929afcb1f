package org.cnnlab.inspection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.network.TensorShape;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a TorchScript file an instructor or student brings says about itself, read without running
 * it: whether it is a TorchScript archive at all, and its optional {@code extra/cnnlab.json}
 * (or a {@code .json} beside it) with the input shape and the class names.
 */
final class TorchScriptFile {
    private TorchScriptFile() {
    }

    /** What {@code cnnlab.json} says: the input (C, H, W; default {@link TorchScriptModels#DEFAULT_INPUT}) and the class names (null: numbered). */
    record Meta(TensorShape input, List<String> classes) {
    }

    static Meta meta(byte[] meta, int maxInputSide) {
        if (meta == null) return new Meta(TorchScriptModels.DEFAULT_INPUT, null);
        try {
            JsonNode json = JsonMapper.builder().build().readTree(new String(meta, StandardCharsets.UTF_8));
            JsonNode in = json.path("input");
            TensorShape input = TorchScriptModels.DEFAULT_INPUT;
            if (in.isArray()) {
                if (in.size() != 3) throw new InvalidInputException("torchscript.error.meta", maxInputSide);
                input = TensorShape.image(in.get(0).asInt(), in.get(1).asInt(), in.get(2).asInt());
            }
            List<String> classes = null;
            if (json.path("classes").isArray()) {
                classes = new ArrayList<>();
                for (JsonNode c : json.path("classes")) classes.add(c.asString());
            }
            return new Meta(input, classes);
        } catch (JacksonException e) {
            throw new InvalidInputException("torchscript.error.meta", maxInputSide);
        }
    }

    /**
     * The {@code extra/cnnlab.json} of a TorchScript archive, or null when it has none; refuses a file
     * that is not a ZIP archive with TorchScript code in it. Entries are listed, never unpacked.
     */
    static byte[] archiveEntry(Path file) {
        boolean code = false;
        byte[] meta = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (n.contains("/code/") || n.endsWith("/data.pkl")) code = true;
                if (n.endsWith("/extra/cnnlab.json")) {
                    try (var in = zip.getInputStream(e)) {
                        meta = in.readNBytes(64 * 1024);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("torchscript.error.notTorchScript");
        }
        if (!code) throw new InvalidInputException("torchscript.error.notTorchScript");
        return meta;
    }
}
