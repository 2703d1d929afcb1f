package org.cnnlab.inspection.saliency;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * Occlusion (Zeiler and Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014):
 * cover a k×k patch with black at every stride-s position w and take the drop Δ_w = S_c(x) − S_c(x with w
 * covered); M(p) = max(0, mean of Δ_w over the windows w that cover p). One forward pass per window, no
 * backward pass: it needs no gradients, so it works on any model.
 */
public record Occlusion(int classIndex, int patch, int stride) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.OCCLUSION;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        int side = Math.min(model.input().height(), model.input().width());
        if (patch < 1 || patch > side || stride < 1 || stride > patch) throw new InvalidInputException("saliency.error.patch", side);
        long passes = windows(model.input().height(), model.input().width()).size() + 1L;
        Passes.budget(model, limits, passes, false);
        return passes;
    }

    private List<int[]> windows(int h, int w) {
        List<int[]> windows = new ArrayList<>();
        for (int y = 0; y + patch <= h; y += stride) for (int x = 0; x + patch <= w; x += stride) windows.add(new int[] {y, x});
        return windows;
    }

    @Override
    public Attribution compute(Computation c) {
        int h = c.in().height();
        int w = c.in().width();
        int n = c.values();
        List<int[]> windows = windows(h, w);
        float base = Passes.scores(c, c.x(), 1, classIndex)[0];
        float[] map = new float[h * w];
        float[] covered = new float[h * w];
        for (int start = 0; start < windows.size(); start += Passes.CHUNK) {
            int b = Math.min(Passes.CHUNK, windows.size() - start);
            float[] batch = new float[b * n];
            for (int i = 0; i < b; i++) {
                System.arraycopy(c.x(), 0, batch, i * n, n);
                int[] win = windows.get(start + i);
                for (int ch = 0; ch < c.in().channels(); ch++) {
                    for (int y = win[0]; y < win[0] + patch; y++) for (int x = win[1]; x < win[1] + patch; x++) batch[i * n + ch * h * w + y * w + x] = 0;
                }
            }
            float[] s = Passes.scores(c, batch, b, classIndex);
            for (int i = 0; i < b; i++) {
                int[] win = windows.get(start + i);
                for (int y = win[0]; y < win[0] + patch; y++) {
                    for (int x = win[1]; x < win[1] + patch; x++) {
                        map[y * w + x] += base - s[i];
                        covered[y * w + x]++;
                    }
                }
            }
            c.progress().advance(b);
        }
        for (int p = 0; p < map.length; p++) map[p] = covered[p] == 0 ? 0 : Math.max(0, map[p] / covered[p]);
        return Attribution.of(map, windows.size() + 1L, 0);
    }
}
