// Your own network and training loop, with ReDo from the ReDo.Recycling package.
//
// The network is a dueling Q-network written as a Module subclass (a shared torso, then a value head and
// an advantage head that both read it), with a ReLU and a GELU; the optimizer is TorchSharp's own Adam.
// Every 200 gradient steps the recycler scores the hidden neurons on a probe batch and recycles the
// τ-dormant ones. After each recycle this program checks what ReDo promises — the recycled neurons'
// outgoing weights are zero, and so are Adam's moments at those weights — and exits with 1 if not, or
// if nothing was ever recycled (a check of nothing proves nothing).
using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using ReDo.Recycling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

torch.manual_seed(0);
using var model = new DuelingNet(inputs: 8, hidden: 64, actions: 4);
using var adam = torch.optim.Adam(model.parameters(), lr: 1e-2);
using var recycler = new NeuronRecycler(model, adam, new RecyclerSettings(new RecycleSchedule(Period: 200), Tau: 0.1, Seed: 42));
using var probe = torch.randn(64, 8);

int recycled = 0, problems = 0;
for (long step = 1; step <= 1000; step++)
{
    using (var scope = NewDisposeScope())
    {
        // Moving regression targets (a new random teacher every 100 steps) at a high learning rate:
        // the kind of non-stationary training that leaves neurons dormant.
        torch.manual_seed(step / 100 + 1000);
        var teacher = torch.randn(8, 4);
        torch.manual_seed(step);
        var x = torch.randn(32, 8);
        var loss = nn.functional.mse_loss(model.call(x), x.matmul(teacher) * 10);
        adam.zero_grad();
        loss.backward();
        adam.step();
    }

    var result = recycler.MaybeUpdateWeights(step, probe);
    if (!result.Recycled) continue;
    var dormancy = result.Dormancy!;
    var plan = result.Plan!;
    var perLayer = plan.IsEmpty ? "" : $" ({string.Join(", ", plan.Layers.Where(l => l.Neurons.Count > 0).Select(l => $"{l.Layer} {l.Neurons.Count}"))})";
    Console.WriteLine($"step {step}: dormant at τ = {dormancy.Tau}: {dormancy.OverallFraction:P1}; {plan.NeuronCount} neuron(s) recycled{perLayer}");
    recycled += plan.NeuronCount;
    problems += Check(model, adam, plan);
}

if (recycled == 0) { Console.Error.WriteLine("no neuron was recycled, so nothing was checked"); return 1; }
if (problems > 0) { Console.Error.WriteLine($"{problems} recycled entries were not zero"); return 1; }
Console.WriteLine($"ok: {recycled} recycled neurons; their outgoing weights and Adam moments were zero after every recycle");
return 0;

// Each recycled neuron's column in every layer that reads it: the weight, Adam's exp_avg and exp_avg_sq.
static int Check(DuelingNet model, Adam adam, RecyclePlan plan)
{
    var parameters = model.parameters().ToList();
    var states = adam.state_dict().State;
    var modules = model.named_modules().ToDictionary(m => m.name, m => m.module);
    int problems = 0;
    foreach (var layer in plan.Layers)
        foreach (var outgoing in layer.Outgoing)
        {
            var weight = ((Linear)modules[outgoing.Consumer]).weight!;
            var state = (Adam.State)states[parameters.FindIndex(p => p.Handle == weight.Handle)];
            using var columns = torch.tensor(outgoing.Columns.ToArray(), ScalarType.Int64);
            foreach (var (what, tensor) in new[] { ("weight", (Tensor)weight), ("exp_avg", state.exp_avg), ("exp_avg_sq", state.exp_avg_sq) })
            {
                using var slice = tensor.index_select(1, columns);
                using var nonzero = slice.count_nonzero();
                if (nonzero.item<long>() == 0) continue;
                Console.Error.WriteLine($"{outgoing.Consumer}.{what}: {nonzero.item<long>()} non-zero entries in the columns of {layer.Layer}'s recycled neurons");
                problems++;
            }
        }
    return problems;
}

/// <summary>A dueling Q-network: torso (Linear, ReLU, Linear, GELU), then value and advantage heads.</summary>
sealed class DuelingNet : nn.Module<Tensor, Tensor>
{
    readonly Linear torso1, torso2, value, advantage;
    readonly ReLU relu = nn.ReLU();
    readonly GELU gelu = nn.GELU();

    public DuelingNet(int inputs, int hidden, int actions) : base(nameof(DuelingNet))
    {
        torso1 = nn.Linear(inputs, hidden);
        torso2 = nn.Linear(hidden, hidden);
        value = nn.Linear(hidden, 1);
        advantage = nn.Linear(hidden, actions);
        RegisterComponents();
    }

    // call(), not forward(): the recycler finds the layers and their activations through forward hooks.
    // The intermediates belong to the caller's dispose scope (the training step's, or the recycler's probe).
    public override Tensor forward(Tensor x)
    {
        var h = gelu.call(torso2.call(relu.call(torso1.call(x))));
        var a = advantage.call(h);
        return value.call(h) + a - a.mean([1], keepdim: true);
    }
}
