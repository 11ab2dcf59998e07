#!/usr/bin/env python3
"""PyTorch reference for scripts/bench/train.mjs: the same decoder-only transformer
(pre-LayerNorm, causal self-attention, learned positions, GELU(tanh) MLP, tied
output head), batch 32 x context 64, AdamW(0.9, 0.95, wd 0.1), grad-norm clip 1,
on one CPU thread. Prints one JSON line: {"secondsPerStep": median, "torch": ...}.
Run with OPENBLAS_CORETYPE unset (the Node benchmark removes it)."""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--vocab", type=int, default=89)
p.add_argument("--layers", type=int, default=2)
p.add_argument("--d", type=int, default=128)
p.add_argument("--heads", type=int, default=4)
p.add_argument("--context", type=int, default=64)
p.add_argument("--batch", type=int, default=32)
p.add_argument("--steps", type=int, default=20)
p.add_argument("--warm", type=int, default=3)
a = p.parse_args()
torch.set_num_threads(1)
torch.manual_seed(1)


class Block(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, 4 * d)
        self.fc2 = nn.Linear(4 * d, d)

    def forward(self, x, mask):
        B, T, D = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=2)
        hs = lambda t: t.view(B, T, self.h, D // self.h).transpose(1, 2)
        q, k, v = hs(q), hs(k), hs(v)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(D // self.h)) + mask
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(B, T, D)
        x = x + self.proj(y)
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte = nn.Embedding(a.vocab, a.d)
        self.wpe = nn.Parameter(torch.randn(a.context, a.d) * 0.02)
        self.blocks = nn.ModuleList([Block(a.d, a.heads) for _ in range(a.layers)])
        self.lnf = nn.LayerNorm(a.d)
        self.register_buffer("mask", torch.triu(torch.full((a.context, a.context), -1e9), diagonal=1))

    def forward(self, idx):
        x = self.wte(idx) + self.wpe
        for b in self.blocks:
            x = b(x, self.mask)
        return self.lnf(x) @ self.wte.weight.t()


model = GPT()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)


def step():
    x = torch.randint(0, a.vocab, (a.batch, a.context))
    y = torch.randint(0, a.vocab, (a.batch, a.context))
    loss = F.cross_entropy(model(x).view(-1, a.vocab), y.view(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item()


for _ in range(a.warm):
    step()
times = []
c0 = time.process_time()
for _ in range(a.steps):
    t0 = time.perf_counter()
    step()
    times.append(time.perf_counter() - t0)
cpu = (time.process_time() - c0) / a.steps
times.sort()
# median: the CPU is shared, so the mean would mostly measure the neighbours
print(json.dumps({"secondsPerStep": times[len(times) // 2], "cpuSecondsPerStep": cpu, "torch": torch.__version__, "threads": torch.get_num_threads()}))
