package org.cnnlab.network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A design as JSON, to save, share and export: {"format": "cnnlab-network", "version": 1,
 * "input": {"channels", "height", "width"}, "layers": [{"type": "conv2d", "filters": 8, ...}]}.
 * Reading refuses, with a translated reason, anything too big, malformed, of another version or
 * with an unknown layer type; sizes are then checked by {@link ShapeInference} like typed ones.
 */
public final class NetworkJson {

    public static final String FORMAT = "cnnlab-network";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private NetworkJson() {
    }

    public static String write(NetworkSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", spec.version());
        ObjectNode input = root.putObject("input");
        input.put("channels", spec.input().channels());
        input.put("height", spec.input().height());
        input.put("width", spec.input().width());
        ArrayNode layers = root.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode l = layers.addObject();
            l.put("type", LayerSpec.type(layer));
            switch (layer) {
                case LayerSpec.Conv2d c -> l.put("filters", c.filters()).put("kernel", c.kernel()).put("stride", c.stride())
                        .put("padding", c.padding()).put("dilation", c.dilation());
                case LayerSpec.MaxPool p -> l.put("kernel", p.kernel()).put("stride", p.stride());
                case LayerSpec.AvgPool p -> l.put("kernel", p.kernel()).put("stride", p.stride());
                case LayerSpec.Dropout d -> l.put("rate", d.rate());
                case LayerSpec.Dense d -> l.put("units", d.units());
                default -> { }
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    public static NetworkSpec read(String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("network.json.empty");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new InvalidInputException("network.json.tooLarge", bytes / 1024, maxBytes / 1024);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("network.json.malformed");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(text(root, "format"))) {
            throw new InvalidInputException("network.json.notOurs");
        }
        int version = integer(root, "version", -1);
        if (version != NetworkSpec.CURRENT_VERSION) {
            throw new InvalidInputException("network.error.version", version, NetworkSpec.CURRENT_VERSION);
        }
        JsonNode input = root.get("input");
        JsonNode layers = root.get("layers");
        if (input == null || !input.isObject() || layers == null || !layers.isArray()) {
            throw new InvalidInputException("network.json.notOurs");
        }
        TensorShape shape = TensorShape.image(integer(input, "channels", 0), integer(input, "height", 0), integer(input, "width", 0));
        List<LayerSpec> specs = new ArrayList<>();
        int index = 0;
        for (JsonNode l : layers) {
            index++;
            specs.add(layer(l, index));
        }
        return new NetworkSpec(version, shape, specs);
    }

    private static LayerSpec layer(JsonNode l, int index) {
        String type = text(l, "type");
        if (type == null) {
            throw new InvalidInputException("network.json.unknownLayer", index, "?");
        }
        return switch (type) {
            case "conv2d" -> new LayerSpec.Conv2d(integer(l, "filters", 0), integer(l, "kernel", 0), integer(l, "stride", 1),
                    integer(l, "padding", 0), integer(l, "dilation", 1));
            case "maxpool" -> new LayerSpec.MaxPool(integer(l, "kernel", 0), integer(l, "stride", 0));
            case "avgpool" -> new LayerSpec.AvgPool(integer(l, "kernel", 0), integer(l, "stride", 0));
            case "globalavgpool" -> new LayerSpec.GlobalAvgPool();
            case "relu" -> new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU);
            case "sigmoid" -> new LayerSpec.Activation(LayerSpec.Activation.Kind.SIGMOID);
            case "tanh" -> new LayerSpec.Activation(LayerSpec.Activation.Kind.TANH);
            case "batchnorm" -> new LayerSpec.BatchNorm();
            case "dropout" -> new LayerSpec.Dropout(l.has("rate") && l.get("rate").isNumber() ? l.get("rate").asDouble() : -1);
            case "flatten" -> new LayerSpec.Flatten();
            case "dense" -> new LayerSpec.Dense(integer(l, "units", 0));
            default -> throw new InvalidInputException("network.json.unknownLayer", index, type.length() > 40 ? type.substring(0, 40) : type);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** A whole number in int range, or {@code fallback} (which the shape checks then refuse) for anything else. */
    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : fallback;
    }
}
