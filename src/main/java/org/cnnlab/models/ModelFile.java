package org.cnnlab.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.network.NetworkJson;
import org.cnnlab.network.NetworkSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved model as one file a student can download and upload again: a ZIP holding
 * {@code model.json} (format, name, classes and the training record), {@code network.json} (the
 * builder's design format) and {@code parameters.djl} (DJL's serialised parameters). Reading checks
 * the structure and sizes; whether the parameters fit the network is checked by {@link ModelRunner}.
 */
final class ModelFile {

    static final String FORMAT = "cnnlab-model";
    static final int VERSION = 1;
    static final String EXTENSION = ".cnnlab";
    private static final String MODEL = "model.json";
    private static final String NETWORK = "network.json";
    private static final String PARAMETERS = "parameters.djl";
    private static final int MAX_JSON_BYTES = 1 << 20;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** What a file holds: a name and when it was saved, and the model itself. */
    record Contents(String name, Instant savedAt, TrainedModel model) {
    }

    private ModelFile() {
    }

    static byte[] write(Contents c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("name", c.name()).put("savedAt", c.savedAt().toString());
        ArrayNode classes = root.putArray("classes");
        c.model().classes().forEach(classes::add);
        TrainingRecord r = c.model().record();
        ObjectNode record = root.putObject("record");
        record.put("dataset", r.dataset()).put("network", r.network()).put("batchSize", r.batchSize()).put("epochs", r.epochs())
                .put("seed", r.seed());
        number(record, "heldOutAccuracy", r.heldOutAccuracy());
        record.put("onTestSet", r.onTestSet());
        number(record, "seconds", r.seconds());
        ObjectNode optimizer = record.putObject("optimizer");
        optimizer.put("kind", r.optimizer().kind().name());
        number(optimizer, "learningRate", r.optimizer().learningRate());
        number(optimizer, "momentum", r.optimizer().momentum());
        number(optimizer, "noiseSigma", r.optimizer().noiseSigma());
        ArrayNode curves = record.putArray("curves");
        for (EpochMetrics m : r.curves()) {
            ObjectNode e = curves.addObject().put("epoch", m.epoch());
            number(e, "trainLoss", m.trainLoss());
            number(e, "trainAccuracy", m.trainAccuracy());
            number(e, "validationLoss", m.validationLoss());
            number(e, "validationAccuracy", m.validationAccuracy());
            number(e, "seconds", m.seconds());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, MODEL, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            entry(zip, NETWORK, NetworkJson.write(c.model().network()).getBytes(StandardCharsets.UTF_8));
            entry(zip, PARAMETERS, c.model().parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a file of at most {@code maxBytes}; anything else gets a translated refusal. */
    static Contents read(byte[] file, long maxBytes) {
        if (file.length > maxBytes) throw new InvalidInputException("models.error.tooLarge", mb(file.length), mb(maxBytes));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                long limit = Math.min(Integer.MAX_VALUE - 9, e.getName().equals(PARAMETERS) ? maxBytes : MAX_JSON_BYTES);
                if (!List.of(MODEL, NETWORK, PARAMETERS).contains(e.getName()) || entries.containsKey(e.getName())) {
                    throw new InvalidInputException("models.error.notOurs");
                }
                byte[] data = zip.readNBytes((int) limit + 1); // a ZIP bomb stops here
                if (data.length > limit) throw new InvalidInputException("models.error.tooLarge", mb(data.length), mb(limit));
                entries.put(e.getName(), data);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("models.error.notOurs");
        }
        if (entries.size() != 3) throw new InvalidInputException("models.error.notOurs");
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(entries.get(MODEL), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new InvalidInputException("models.error.notOurs");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new InvalidInputException("models.error.notOurs");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new InvalidInputException("models.error.version", root.path("version").asInt(-1), VERSION);
        }
        NetworkSpec network = NetworkJson.read(new String(entries.get(NETWORK), StandardCharsets.UTF_8), MAX_JSON_BYTES);
        List<String> classes = new ArrayList<>();
        for (JsonNode c : root.path("classes")) classes.add(c.asString(""));
        if (classes.isEmpty() || classes.stream().anyMatch(String::isBlank)) throw new InvalidInputException("models.error.notOurs");
        JsonNode r = root.path("record");
        JsonNode o = r.path("optimizer");
        OptimizerSpec.Kind kind;
        try {
            kind = OptimizerSpec.Kind.valueOf(o.path("kind").asString("SGD"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("models.error.notOurs");
        }
        List<EpochMetrics> curves = new ArrayList<>();
        for (JsonNode e : r.path("curves")) {
            curves.add(new EpochMetrics(e.path("epoch").asInt(0), number(e, "trainLoss"), number(e, "trainAccuracy"),
                    number(e, "validationLoss"), number(e, "validationAccuracy"), number(e, "seconds")));
        }
        TrainingRecord record = new TrainingRecord(r.path("dataset").asString(""), r.path("network").asString(""),
                new OptimizerSpec(kind, number(o, "learningRate"), number(o, "momentum"), number(o, "noiseSigma")),
                r.path("batchSize").asInt(0), r.path("epochs").asInt(0), r.path("seed").asLong(0), curves,
                number(r, "heldOutAccuracy"), r.path("onTestSet").asBoolean(false), number(r, "seconds"));
        Instant savedAt;
        try {
            savedAt = Instant.parse(root.path("savedAt").asString(""));
        } catch (DateTimeParseException e) {
            savedAt = Instant.EPOCH;
        }
        String name = root.path("name").asString("").strip();
        return new Contents(name.isEmpty() ? "model" : name, savedAt, new TrainedModel(network, classes, entries.get(PARAMETERS), record));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** JSON has no NaN: a missing number is written as null and read back as NaN. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) node.put(field, value);
        else node.putNull(field);
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
