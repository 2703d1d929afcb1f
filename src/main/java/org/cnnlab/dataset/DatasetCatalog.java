package org.cnnlab.dataset;

import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Service;

/** The data sets a student can train on, by id; every one is made or read locally. */
@Service
public class DatasetCatalog {

    public static final int MAX_PER_CLASS = 2_000;

    public List<String> ids() {
        return List.of("shapes-easy", "shapes-hard");
    }

    public LabelledImages load(String id, int perClass, long seed) {
        if (perClass < 2 || perClass > MAX_PER_CLASS) {
            throw new InvalidInputException("dataset.error.perClass", 2, MAX_PER_CLASS);
        }
        return switch (id) {
            case "shapes-easy" -> ProceduralShapes.generate(perClass, false, seed);
            case "shapes-hard" -> ProceduralShapes.generate(perClass, true, seed);
            default -> throw new InvalidInputException("dataset.error.unknown", id);
        };
    }
}
