"""Writes the TorchScript models TorchScriptIT loads, and what PyTorch itself computes with them.

Usage: python3 make_models.py <out-dir>. Seeded; needs Debian's python3-torch.
"""
import json
import sys
from typing import List

import torch
import torch.nn as nn

out = sys.argv[1]
torch.manual_seed(7)


class Regions(nn.Module):
    """Class 0 looks at the top-left quadrant only (conv channel 0), class 1 at the bottom-right (channel 1).
    Dropout is there to prove the app runs the model in evaluation mode."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 2, 3, padding=1)
        with torch.no_grad():
            self.conv.weight.copy_(torch.rand(2, 3, 3, 3) * 0.5)
            self.conv.bias.fill_(0.05)
        self.drop = nn.Dropout(0.5)

    def forward(self, x):
        a = self.drop(torch.relu(self.conv(x)))
        top = a[:, 0, :8, :8].pow(2).sum((1, 2))
        bottom = a[:, 1, 8:, 8:].pow(2).sum((1, 2))
        return torch.stack([top, bottom], 1) * 0.1

    @torch.jit.export
    def feature_maps(self, x):
        return {"conv": torch.relu(self.conv(x))}


def save(module, name, meta=None):
    extra = {"cnnlab.json": json.dumps(meta)} if meta is not None else {}
    torch.jit.save(torch.jit.script(module.eval()), f"{out}/{name}.pt", _extra_files=extra)


regions = Regions().eval()
save(regions, "regions", {"input": [3, 16, 16], "classes": ["arriba", "abajo"]})

# what PyTorch says for the test input: logits and |dS_0/dx| (max over channels)
g = torch.Generator().manual_seed(11)
x = (torch.rand(1, 3, 16, 16, generator=g) * 255).round() / 255   # exact in an 8-bit PNG
x.requires_grad_(True)
z = regions(x)
z[0, 0].backward()
with torch.no_grad():
    black = regions(torch.zeros(1, 3, 16, 16))
json.dump({"x": x.detach().flatten().tolist(), "logits": z.detach().flatten().tolist(), "black": black.flatten().tolist(),
           "vanilla": x.grad.abs().amax(1).flatten().tolist()}, open(f"{out}/regions.expected.json", "w"))

# no description: 3x224x224 and numbered classes are assumed; a tiny global-average-pool CNN
gap = nn.Sequential(nn.Conv2d(3, 4, 5, stride=4), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5))
save(gap, "plain")

nan = Regions()
with torch.no_grad():
    nan.conv.weight[0, 0, 0, 0] = float("nan")
save(nan, "nan-weights", {"input": [3, 16, 16], "classes": ["arriba", "abajo"]})
save(Regions(), "wrong-shape", {"input": [1, 28, 28], "classes": ["arriba", "abajo"]})
save(Regions(), "wrong-classes", {"input": [3, 16, 16], "classes": ["a", "b", "c"]})


class Maps(nn.Module):
    def forward(self, x):
        return x


save(Maps(), "not-scores", {"input": [3, 16, 16]})


class IntMaps(nn.Module):
    def forward(self, x):
        return x.mean((2, 3))

    @torch.jit.export
    def feature_maps(self, x) -> List[int]:
        return [1, 2]


save(IntMaps(), "int-maps", {"input": [3, 16, 16]})
print("ok")
