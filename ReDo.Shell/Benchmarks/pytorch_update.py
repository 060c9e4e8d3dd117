# The same MinAtar DQN update as `redo bench update` times, in PyTorch (docs/performance.md):
# Conv 4→16 3×3 valid → ReLU → Linear 1024→128 → ReLU → Linear 128→6, batch 32, target
# R + γ·max_a Q_target(s′, a), mean Huber loss (δ = 1), centered RMSprop (lr 2.5e-4, α 0.95, ε 0.01).
# 16 random batches cycled (one fixed batch gets fitted to zero gradients, an unrealistic regime).
# Prints "median_ms <x>" (wall clock) and "median_cpu_ms <x>" (this thread's CPU time) over the timed steps.
import sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

steps, threads = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads)
# Kernels chosen as our side chooses them: NNPACK off (ReDo.Recycling/Torch/Nnpack.cs). torch < 2.0
# has no torch.backends.nnpack; Debian's 1.13 is built without NNPACK, so there it is off anyway.
nnpack = getattr(torch.backends, "nnpack", None)
if nnpack is not None:
    nnpack.set_flags(False)
nnpack_state = ("off" if not nnpack.enabled else "on") if nnpack is not None else ("not built" if not torch._nnpack_available() else "on (no switch)")
blas = next((x.split("=")[1] for x in torch.__config__.show().replace(",", "\n").split("\n") if x.strip().startswith("BLAS_INFO=")), "unknown")
capability = next((x.split(":")[1].strip() for x in torch.__config__.show().split("\n") if "CPU capability usage" in x), "unknown")
print(f"torch_version {torch.__version__}")
print(f"kernels nnpack {nnpack_state}, mkldnn {'on' if torch.backends.mkldnn.enabled else 'off'}, blas {blas}, cpu capability {capability}")
torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 16, 3, 1)
        self.fc = nn.Linear(16 * 8 * 8, 128)
        self.q = nn.Linear(128, 6)
    def forward(self, x):
        x = F.relu(self.conv(x))
        x = F.relu(self.fc(x.flatten(1)))
        return self.q(x)

online, target = Net(), Net()
target.load_state_dict(online.state_dict())
opt = torch.optim.RMSprop(online.parameters(), lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)
batches = [((torch.rand(32, 4, 10, 10) < 0.1).float(), torch.randint(0, 6, (32,)), torch.rand(32),
            (torch.rand(32, 4, 10, 10) < 0.1).float(), torch.full((32,), 0.99)) for _ in range(16)]

def update(i):
    s, a, r, s2, d = batches[i % len(batches)]
    with torch.no_grad():
        y = r + d * target(s2).max(1).values
    q = online(s).gather(1, a.unsqueeze(1)).squeeze(1)
    loss = F.huber_loss(q, y, delta=1.0)
    opt.zero_grad()
    loss.backward()
    opt.step()

for i in range(200):
    update(i)
times, cpu = [], []
for i in range(steps):
    t0, c0 = time.perf_counter(), time.thread_time()
    update(i)
    times.append((time.perf_counter() - t0) * 1000)
    cpu.append((time.thread_time() - c0) * 1000)
times.sort()
cpu.sort()
print(f"median_ms {times[len(times) // 2]:.6f}")
print(f"median_cpu_ms {cpu[len(cpu) // 2]:.6f}")
