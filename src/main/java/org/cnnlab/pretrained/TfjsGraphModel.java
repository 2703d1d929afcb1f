package org.cnnlab.pretrained;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TensorFlow.js graph model as plain Java data: its nodes (a TensorFlow GraphDef: each node an op
 * with named inputs and attributes) and its constants decoded from the weights file. The weights
 * manifest lists every constant in the order its bytes follow one another in the binary file; a
 * constant stored "quantised" is decoded back to float32: float16 by IEEE 754 half precision
 * ({@link Float#float16ToFloat}), uint8/uint16 as q·scale + min. Integer constants (int32; TF.js
 * stores int64 as int32) stay integers.
 *
 * @param nodes   the graph's nodes in file order
 * @param floats  float constants by node name
 * @param ints    integer constants by node name
 * @param inputs  the signature's input names (without ":0") and their shapes
 * @param outputs the signature's output names (without ":0") and their shapes
 */
public record TfjsGraphModel(List<Node> nodes, Map<String, Tensor> floats, Map<String, Tensor> ints,
                             Map<String, long[]> inputs, Map<String, long[]> outputs) {

    /** One node: {@code inputs} name other nodes' outputs ("name" or "name:k" for the k-th); control inputs ("^name") are dropped. */
    public record Node(String name, String op, List<String> inputs, JsonNode attrs) {

        public String string(String attr) {
            JsonNode s = attrs.path(attr).path("s");
            return s.isMissingNode() ? null : new String(Base64.getDecoder().decode(s.asString()), StandardCharsets.UTF_8);
        }

        public long[] ints(String attr) {
            JsonNode list = attrs.path(attr).path("list").path("i");
            long[] values = new long[list.size()];
            for (int i = 0; i < values.length; i++) values[i] = Long.parseLong(list.get(i).asString());
            return values;
        }

        public float number(String attr, float otherwise) {
            JsonNode f = attrs.path(attr).path("f");
            return f.isMissingNode() ? otherwise : (float) f.asDouble();
        }

        public boolean bool(String attr) {
            return attrs.path(attr).path("b").asBoolean(false);
        }
    }

    /** A constant: its shape and its values, row-major, as floats or as longs. */
    public record Tensor(long[] shape, float[] floats, long[] longs) {

        public long size() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }
    }

    /** Reads the model JSON and the binary weights file it names (the caller resolves {@code paths[0]} to {@code weights}). */
    public static TfjsGraphModel parse(byte[] modelJson, byte[] weights) {
        JsonNode root = JsonMapper.builder().build().readTree(modelJson);
        if (!"graph-model".equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException("not a TF.js graph model: format " + root.path("format"));
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            List<String> inputs = new ArrayList<>();
            for (JsonNode in : n.path("input")) {
                if (!in.asString().startsWith("^")) inputs.add(in.asString());
            }
            nodes.add(new Node(n.path("name").asString(), n.path("op").asString(), List.copyOf(inputs), n.path("attr")));
        }
        Map<String, Tensor> floats = new HashMap<>();
        Map<String, Tensor> ints = new HashMap<>();
        ByteBuffer bytes = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode groups = root.path("weightsManifest");
        if (groups.size() != 1 || groups.get(0).path("paths").size() != 1) {
            throw new IllegalArgumentException("expected one weights file, got " + groups);
        }
        for (JsonNode w : groups.get(0).path("weights")) {
            long[] shape = new long[w.path("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = w.path("shape").get(i).asLong();
            long n = 1;
            for (long d : shape) n *= d;
            String dtype = w.path("dtype").asString();
            JsonNode q = w.path("quantization");
            String stored = q.isMissingNode() ? dtype : q.path("dtype").asString();
            String name = w.path("name").asString();
            switch (dtype) {
                case "float32" -> floats.put(name, new Tensor(shape, readFloats(bytes, (int) n, stored, q), null));
                case "int32" -> {
                    if (!stored.equals("int32")) throw new IllegalArgumentException("quantised int32 weight " + name);
                    long[] values = new long[(int) n];
                    for (int i = 0; i < n; i++) values[i] = bytes.getInt();
                    ints.put(name, new Tensor(shape, null, values));
                }
                default -> throw new IllegalArgumentException("weight " + name + " of dtype " + dtype);
            }
        }
        if (bytes.hasRemaining()) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes of weights left over: manifest and file disagree");
        }
        JsonNode signature = root.path("signature");
        return new TfjsGraphModel(List.copyOf(nodes), Map.copyOf(floats), Map.copyOf(ints),
                shapes(signature.path("inputs")), shapes(signature.path("outputs")));
    }

    private static float[] readFloats(ByteBuffer bytes, int n, String stored, JsonNode q) {
        float[] values = new float[n];
        switch (stored) {
            case "float32" -> {
                for (int i = 0; i < n; i++) values[i] = bytes.getFloat();
            }
            case "float16" -> {
                for (int i = 0; i < n; i++) values[i] = Float.float16ToFloat(bytes.getShort());
            }
            case "uint8", "uint16" -> {
                double scale = q.path("scale").asDouble();
                double min = q.path("min").asDouble();
                for (int i = 0; i < n; i++) {
                    int level = stored.equals("uint8") ? Byte.toUnsignedInt(bytes.get()) : Short.toUnsignedInt(bytes.getShort());
                    values[i] = (float) (level * scale + min);
                }
            }
            default -> throw new IllegalArgumentException("weights quantised as " + stored);
        }
        return values;
    }

    private static Map<String, long[]> shapes(JsonNode tensors) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (JsonNode t : tensors) {
            JsonNode dims = t.path("tensorShape").path("dim");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).path("size").asLong(-1);
            shapes.put(t.path("name").asString().replaceFirst(":0$", ""), shape);
        }
        return shapes;
    }
}
