using ReDo.Pure.Schedules;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Properties.Integration.Readme;

/// <summary>The README's "use it in your own training loop" snippet, compiled and run by <see cref="ReadmeTests"/>.</summary>
public static class ReadmeSnippet
{
    public static double Run()
    {
        double lastDormantFraction = double.NaN;
// README-BEGIN
// Your own network: any Sequential of Conv2d / Linear / ReLU / Flatten.
var model = nn.Sequential(("fc1", nn.Linear(8, 64)), ("relu1", nn.ReLU()),
                          ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("q", nn.Linear(64, 4)));
using var net = new SequentialNetwork(model, inputShape: [8]);      // infers the spec, hooks the ReLUs
using var adam = new Adam(model.parameters(), lr: 6.25e-5, beta1: 0.9, beta2: 0.999, eps: 1.5e-4); // ReDo.Recycling.Optimizers: flat, no implicit Scalars
var moments = new OptimizerMoments(adam);                          // ReDo zeroes Adam moments in place
using var generator = new Generator(42, CPU);                      // seeded redraws
var schedule = new RecycleSchedule(Period: 1000);                  // F = 1000 gradient steps

for (long step = 1; step <= 2000; step++)
{
    using (var scope = NewDisposeScope())                          // your usual update
    {
        adam.ZeroGrad();
        nn.functional.huber_loss(model.call(randn(32, 8)), randn(32, 4)).backward();
        adam.Step();
    }
    if (schedule.IsRecycleStep(step))
    {
        using var probe = randn(64, 8);                            // a probe batch from your replay buffer
        var result = DormantNeuronRecycler.Recycle(net, moments, probe, new RecycleSettings(Tau: 0.1), generator);
        Console.WriteLine($"step {step}: {result.Dormancy.OverallFraction:P1} dormant, " +
                          $"recycled {result.Outcome.Total}, |Δ output| {result.Outcome.MaxOutputChange:G3}");
        lastDormantFraction = result.Dormancy.OverallFraction;
    }
}
// README-END
        return lastDormantFraction;
    }
}
